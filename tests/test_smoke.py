def test_ask_answers_with_a_citation(client):
    response = client.post("/api/ask", json={"question": "Can I delete my account?"})
    assert response.status_code == 200
    assert response.json["answered"] is True
    assert response.json["citations"][0]["section"] == "6"
