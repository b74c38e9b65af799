"""The answer engine: corpus, question analysis, retrieval, the question model, intents, answering. No Flask imports."""
