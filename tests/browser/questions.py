"""Full questions a reader types into search, each with the playbook that answers it.

Used by test_search_questions.py: the handbook must find at least 85% of them in
its top three results (all of them at the time of writing; 26 of 26 of the first
set, 12 before the search was
tuned for questions, with Material's defaults). Written
as people ask, not copied from the playbooks, so they measure search, not recall
of exact wording. Keep them when content changes; add one when a reader's
question goes unanswered.
"""

from __future__ import annotations

QUESTIONS: list[tuple[str, str]] = [
    ("what do I do if a post goes viral for the wrong reasons", "crisis-first-hour"),
    ("what is the first thing to do when a crisis starts", "crisis-first-hour"),
    ("something bad is trending about us, what do I do in the first hour?",
     "crisis-first-hour"),
    ("how serious is this crisis and who needs to be alerted", "crisis-severity-triage"),
    ("who approves our replies during a crisis", "crisis-severity-triage"),
    ("what can we post while we are still checking the facts", "holding-statement-library"),
    ("is there an approved statement I can post right now?", "holding-statement-library"),
    ("a customer complaint about us is going viral, what now", "viral-customer-complaint"),
    ("a PR crisis starts on X at 6 pm when everyone is going home",
     "x-crisis-end-of-day"),
    ("how long should my next social campaign run?", "campaign-duration-by-objective"),
    ("when should we extend a campaign or end it early", "campaign-duration-by-objective"),
    ("how long should a LinkedIn or paid social campaign run", "campaign-duration-by-format"),
    ("which networks does our target audience use?", "find-where-your-audience-is"),
    ("who actually engages with our posts", "followers-are-not-your-audience"),
    ("how do I build audience segments and personas", "build-audience-segments"),
    ("should a Stories campaign aim for views, replies or taps?",
     "stories-objective-views-replies-taps"),
    ("how do I tie every post to a business goal", "align-social-with-business-goals"),
    ("what are the four planning questions", "four-planning-questions"),
    ("how do I plan a content calendar", "content-calendar-planning"),
    ("should I answer an angry customer in public or in private?",
     "customer-service-on-social"),
    ("can a chatbot answer customer questions for us", "automate-customer-care"),
    ("how do I moderate comments and write house rules", "community-management"),
    ("how do I keep up with TikTok algorithm changes", "keep-up-with-platform-changes"),
    ("what goes into the monthly analytics report for stakeholders",
     "monthly-analytics-report"),
    ("how do we run a review after the crisis is over", "post-crisis-review"),
    ("how do I sell products with live shopping", "social-commerce-basics"),
    # A new hire's questions that found nothing before the playbooks of issue 18.
    ("do I need to label a paid influencer post", "legal-disclosure-and-creators"),
    ("how do I write alt text", "accessible-posts"),
    ("who approves a post before it goes live", "approvals-and-brand-voice"),
    ("Instagram is blocked in Türkiye, what now", "platform-outages-and-country-blocks"),
    ("our account was hacked and is posting scam links", "hacked-account-lockdown"),
    ("what can we not post on 10 Kasım", "turkiye-calendar-and-sensitive-dates"),
    ("how should we tag UTM links for campaigns", "measurement-plan"),
    ("can we use AI generated images in our posts", "ai-content-policy"),
]

# Turkish questions, asked of the mini handbook's Turkish playbook (the
# repository's own playbooks are in English).
TURKISH_QUESTIONS: list[tuple[str, str]] = [
    ("İstanbul şubesi için ne yapmalıyım?", "turkish-emoji-rtl"),
    ("istanbul şubesi nedir", "turkish-emoji-rtl"),
]

TOP = 3
TARGET = 0.85
