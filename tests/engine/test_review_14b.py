"""The wordings of the review of round 14b (/work/briefs/review14b.md, sections A, B and C: the false handoffs,
product questions answered and right answers lost of branch quality14b): each comes out as on main at e43124a, the
handoff (or none) and the section of the first citation (or none), so that a redone rule of that round is no worse
than main on any of them. Where main is wrong too (a false handoff, a lost request) the row says so; a change that
puts one right updates its row."""

import pytest


# (wording, handoff on main, section of the first citation on main)
MAIN = [
    ('dlt my account registration status', None, None),
    ('dlt my account pe approved nahi hai', None, None),
    ('dlt the account registration is still pending', None, None),
    ('dlt the number series approval time', None, None),
    ('dlt my number series in the panel', None, None),
    ('dlt my data upload karna hai portal pe', None, None),
    ('dlt my profile me error aa raha hai', 'objection', '6'),
    # the right to correction (section 6), which the section model is all but certain of and may now bring in
    # (MODEL_ALONE, 4 Dec 2026); section 2's list of what is collected came first before: neither hands off
    ("I don't want my address updated", None, '6'),
    ('I want my api key changed', None, None),
    ('I want my sms credits updated', None, None),
    ('I want my recharge amount changed', None, None),
    ('I want my webhook url updated', None, None),
    ('I want my account updated to the new plan', None, None),
    ('I want my credit limit changed', None, None),
    ('I want my time zone fixed in the reports', None, None),
    ("I'd like my payment method changed to upi", None, '2'),
    ("I'd like my gst details updated on the invoice", None, None),
    ('you shared my data with my accountant without my consent', None, '4'),
    ('give me everything regarding your enterprise offers', 'access', '6'),
    ('the girls in our accounts team need access', 'child_data', '9'),
    ('dlt my phone number registration kaise kare', None, None),
    ('dlt my account me kaise link kare', None, None),
    ('dlt my id kaise milega', None, None),
    ('dlt my number ka approval kab aayega', None, None),
    ('is dlt my account ke liye zaroori hai', None, None),
    ('is dlt everything for my sms?', None, None),
    ('dlt my details kaise update kare', None, None),
    ('I had complained about billing once. Please activate my whatsapp api', 'grievance', '12'),
    ('remove all the blocked numbers', 'deletion', '6'),
    ('remove the contact details from the group', 'deletion', '6'),
    ('I had asked for correction of my name. Please update the spelling to Rahul Sharma', 'correction', '6'),
    ('I asked you to correct my address last month. Please change the pin code to 411001', 'correction', '6'),
    ('I sent a request to access my data. Please share the details with me by email', 'access', '6'),
    ('I requested a copy of my data 2 weeks ago. Please send the zip to my gmail', 'portability', '6'),
    ('I objected to profiling last month. Please stop the personalised ads', 'objection', '6'),
    ('I complained about spam calls last week. Please take action against the caller', 'grievance', '12'),
    ('I filed a complaint about unsolicited sms. Kindly block my number from all campaigns', 'grievance', '12'),
    ('remove the permission to send me marketing sms', 'marketing_opt_out', '6'),
    ('remove the permission for profiling', 'objection', '6'),
    ('remove all permissions for using my data for ads', 'deletion', '6'),
    ('cancel the access to my data for third parties', 'access', '6'),
    ('remove third party access to my data', 'deletion', '6'),
    ('remove his access to my data, he is my ex-husband', 'deletion', '6'),
    ('please delete the personal data stored in the dashboard', 'deletion', '6'),
    ('delete the personal details in your portal', 'deletion', '6'),
    ('please erase the data in your portal', 'deletion', '6'),
    ('delete the email in the inbox with my bank details', 'deletion', '6'),
    ('remove the whatsapp chats with my personal details', 'deletion', '6'),
    ('remove the virtual number linked to my name from your records', 'deletion', '6'),
    ("erase the data in the sheet I uploaded, it has my customers' phone numbers", 'deletion', '6'),
    ("I want the data in the upload folder deleted, it has my family's numbers", 'deletion', '6'),
    ('delete the sample data i shared, it contains my personal info', 'deletion', '6'),
    ('wipe the demo data, I used my real pan card in it', 'deletion', '6'),
    ('delete the data in the dashboard', 'deletion', '6'),
    ('I am switching to a free service, please send my data', 'portability', '6'),
    ("I'm moving to a standard crm, please send my contacts in a file", 'portability', '6'),
    ('moving to a premium provider next month, I need my data', 'portability', '6'),
    ('on the starter plan is my data encrypted', None, '5'),
    ('does the basic plan include data encryption', None, '5'),
    ('is my data stored in india on the pro plan', None, '10'),
    ('what personal information do you collect on the pro plan', None, '2'),
    ('on the basic one do you still use cookies', None, '7'),
    ('does switching to the pro plan change how you use my data', None, '3'),
    ('if I move to the basic plan what data do you keep', None, '2'),
    ('give me everything you store about this phone number 9876543210', 'access', '6'),
    ('a boy from my school team made an account with my number', 'child_data', '9'),
    ('the peon boy at our shop is still in school and uses your app', 'child_data', '9'),
]


@pytest.mark.parametrize("question, handoff, section", MAIN)
def test_no_worse_than_main(assistant, question, handoff, section):
    reply = assistant.answer(question)
    assert reply.handoff == handoff
    assert (reply.citations[0].clause.section if reply.citations else None) == section
