"""What visitors use: the chat page and API, the policy pages, the widget, request intake."""
