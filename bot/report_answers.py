"""The answers a report can hold (by the slot that asks for them), with the short names
the resident sees in the summary and staff see on the report page."""

LABELS = {
    "report_role": "Who is reporting", "incident_text": "What happened",
    "report_strands": "Because of", "report_where": "Where", "report_when": "When",
    "report_ongoing": "Happened before", "report_injuries": "Anyone hurt",
    "report_suspect": "Person responsible", "report_evidence": "Online evidence",
    "report_impact": "Impact", "report_symptoms": "How they felt",
    "report_tested": "Tested", "report_contact": "Contact",
    "report_contact_how": "How to contact you", "report_contact_time": "Safe time to contact",
    "report_sharing": "What happens to it", "report_support_org": "Support organisation",
}
