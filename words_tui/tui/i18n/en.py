"""English interface texts (the reference catalogue: every key exists here)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # languages and levels
    "language.en": "English",
    "language.ru": "Russian",
    "language.es": "Spanish",
    "level.A1": "beginner",
    "level.A2": "elementary",
    "level.B1": "intermediate",
    "level.B2": "upper intermediate",
    "level.C1": "advanced",
    "level.C2": "proficient",
    # footer keys
    "key.help": "Help",
    "key.theme": "Dark/light",
    "key.quit": "Quit",
    "key.back": "Back",
    "key.cancel": "Cancel",
    "key.close": "Close",
    "key.home": "Home",
    "key.next": "Next",
    "key.undo": "Undo",
    "key.override": "I was right",
    "key.edit": "Edit word",
    "key.suspend": "Suspend",
    "key.leave": "End lesson",
    "key.lesson": "Lesson",
    "key.add": "Add word",
    "key.browse": "Browse",
    "key.statistics": "Statistics",
    "key.settings": "Settings",
    "key.profile": "Profile",
    "key.add_selected": "Add",
    "key.delete": "Delete",
    "key.history": "History",
    "key.next_page": "Next page",
    "key.previous_page": "Previous page",
    "key.reload": "Reload",
    "key.reset": "Reset",
    "key.save": "Save",
    "key.search": "Search",
    "key.suspend_toggle": "Suspend/resume",
    "palette": "Commands",
    # errors
    "error.title": "Something went wrong",
    "error.body": "{error}",
    # start-up and onboarding
    "startup.opening": "Opening your vocabulary…",
    "onboarding.welcome": "Welcome to words-tui",
    "onboarding.step": "Step {number} of {total}",
    "onboarding.native.question": "Which language do you speak?",
    "onboarding.target.question": "Which language do you want to learn?",
    "onboarding.level.question": "What is your level in it?",
    "onboarding.finish.question": "Ready to start",
    "onboarding.summary": "You will learn {target} from {native}, starting at level {level}.",
    "onboarding.llm_configured": (
        "LLM features are on: free answers are judged and any word can be translated."
    ),
    "onboarding.llm_missing": (
        "Lessons work offline with the built-in vocabulary. For the answer judge and "
        "translations of any word, set the OPENAI_API_KEY environment variable (or "
        "OPENAI_BASE_URL for a local server such as Ollama) and restart. The key is never "
        "typed into or shown by this app."
    ),
    "onboarding.level_beyond_starter": (
        "The built-in vocabulary goes up to B1; words above it can be added one by one or imported."
    ),
    "onboarding.start": "Start learning",
    # home
    "home.profile": "{native} → {target}, level {level} (profile {name})",
    "home.due": "Due now\n{count}",
    "home.new": "New today\n{count}",
    "home.streak": "Day streak\n{count}",
    "home.activity": "Answers in the last {days} days",
    "home.menu.lesson": "Start a lesson",
    "home.menu.add": "Add a word",
    "home.menu.browse": "Browse words",
    "home.menu.statistics": "Statistics",
    "home.menu.settings": "Settings",
    "home.menu.profile": "Switch profile",
    "home.llm_on": "LLM: on (answer judge and translations).",
    "home.llm_off": "LLM: off. Set OPENAI_API_KEY and restart to turn on the judge and translations.",
    "home.nothing_due": "Nothing to practise right now: come back later or add words.",
    # profiles
    "profiles.title": "Profiles",
    "profiles.new": "New profile…",
    # lesson
    "lesson.title": "Lesson",
    "lesson.count": "{done} / {total}",
    "lesson.direction": "{source} → {target}",
    "lesson.mode.choice": "choose",
    "lesson.mode.typing": "type",
    "lesson.new_word": "new word",
    "lesson.type_placeholder": "Type the answer in {language} and press Enter",
    "lesson.undone": "Answer to “{word}” taken back.",
    "lesson.edited": "Translations of “{word}” saved.",
    "lesson.suspended": "“{word}” suspended: it will not be asked any more.",
    # feedback
    "feedback.correct": "Correct",
    "feedback.accent": "Accepted: mind the accents",
    "feedback.typo": "Accepted with a typo",
    "feedback.form": "Accepted",
    "feedback.judge_accepted": "Accepted by the judge",
    "feedback.override": "Counted as right",
    "feedback.wrong": "Wrong",
    "feedback.spelled": "Spelled:",
    "feedback.form.alternative": "Also right; this card practises “{expected}”.",
    "feedback.form.lemma": "We expected the dictionary form: {expected}",
    "feedback.form.article": "Mind the article: {expected}",
    "feedback.form.other": "That is the {form} form; we expected {expected}.",
    "feedback.judge_comment": "Judge: {comment}",
    "feedback.answer_is": "The answer is:",
    "feedback.you_typed": "You typed: {answer}",
    "feedback.could_not_check": "Could not check: press r if you were right.",
    "feedback.also_accepted": "Also accepted: {answers}",
    "feedback.promoted": "From now on you will type this word.",
    "feedback.mastered": "Mastered! This word leaves active practice.",
    "feedback.leech": "This word keeps slipping away: consider editing it (e).",
    # word forms
    "form.gender": "gender",
    "form.plural": "plural",
    "form.pl": "plural",
    "form.f": "feminine",
    "form.n": "neuter",
    "form.past": "past",
    "form.past_participle": "past participle",
    "form.participle": "participle",
    "form.aspect": "aspect",
    "form.aspect_pair": "aspect pair",
    "form.comparative": "comparative",
    "form.superlative": "superlative",
    "form.pres_1sg": "I (present)",
    "form.pret_1sg": "I (past)",
    # summary
    "summary.title": "Lesson finished",
    "summary.answered": "Answers: {count}",
    "summary.correct": "Correct: {count}",
    "summary.wrong": "Wrong: {count}",
    "summary.new_words": "New words: {count}",
    "summary.promoted": "Moved on to typing: {count}",
    "summary.mastered": "Mastered: {count}",
    "summary.time": "Time: {time}",
    "summary.streak": "Day streak: {count}",
    "summary.leeches": "Hard words to look at: {words}",
    # dialogs
    "dialog.cancel": "Cancel",
    "dialog.save": "Save",
    "edit.title": "Translations of “{word}”",
    "edit.hint": "Separate translations with “;”, the most common first.",
    "edit.empty": "Keep at least one translation.",
    # add word
    "add.title": "Add a word",
    "add.placeholder": "A word in {target} or {native}",
    "add.hint": "Type a word; its entry appears as you type.",
    "add.looking_up": "Looking up “{word}”…",
    "add.found": "Entries found: {count} (typed in {language}). Tick the meanings to learn.",
    "add.no_source": (
        "No built-in or dictionary entry for “{word}”. To translate any word, set "
        "OPENAI_API_KEY (or OPENAI_BASE_URL for a local server) and restart."
    ),
    "add.not_found": "No entry for “{word}”: {problem}",
    "add.in_vocabulary": "Already in your vocabulary",
    "add.source": "from {source}",
    "add.button": "Add with the ticked meanings",
    "add.pick_meaning": "Tick at least one meaning.",
    "add.added": "“{word}” added: it will come up in your next lessons.",
    "add.already": "“{word}” is already in your vocabulary; nothing changed.",
    # browser
    "browser.title": "Words",
    "browser.search": "Search a word or a translation",
    "browser.all_statuses": "All statuses",
    "browser.all_levels": "All levels",
    "browser.word": "Word",
    "browser.translations": "Translations",
    "browser.level": "Level",
    "browser.status": "Status",
    "browser.due": "Next",
    "browser.page_info": "{first}–{last} of {total}",
    "browser.edited": "Translations of “{word}” saved.",
    "browser.suspended": "“{word}” suspended.",
    "browser.resumed": "“{word}” is back in practice.",
    "browser.confirm_delete": "Delete “{word}” with its whole review history?",
    "browser.delete": "Delete",
    "browser.deleted": "“{word}” deleted.",
    "browser.confirm_reset": "Start “{word}” again from multiple choice? Its history is kept.",
    "browser.reset": "Reset",
    "browser.was_reset": "“{word}” starts again from multiple choice.",
    # review history
    "history.title": "History of “{word}” · answers: {count}",
    "history.when": "When",
    "history.direction": "Direction",
    "history.mode": "Mode",
    "history.answer": "Answer",
    "history.verdict": "Verdict",
    # word status, part of speech, verdicts, weekdays
    "status.new": "new",
    "status.learning": "learning",
    "status.review": "review",
    "status.mastered": "mastered",
    "status.suspended": "suspended",
    "pos.noun": "noun",
    "pos.verb": "verb",
    "pos.adj": "adjective",
    "pos.adv": "adverb",
    "pos.pron": "pronoun",
    "pos.prep": "preposition",
    "pos.conj": "conjunction",
    "pos.num": "numeral",
    "pos.det": "determiner",
    "pos.intj": "interjection",
    "pos.phrase": "phrase",
    "verdict.exact": "correct",
    "verdict.accent": "accents",
    "verdict.typo": "typo",
    "verdict.form": "other form",
    "verdict.llm": "judge",
    "verdict.override": "overridden",
    "verdict.wrong": "wrong",
    "verdict.choice_correct": "correct choice",
    "verdict.choice_wrong": "wrong choice",
    "weekday.0": "Mo",
    "weekday.1": "Tu",
    "weekday.2": "We",
    "weekday.3": "Th",
    "weekday.4": "Fr",
    "weekday.5": "Sa",
    "weekday.6": "Su",
    # statistics
    "stats.title": "Statistics",
    "stats.words": "Words: {count}",
    "stats.streak": "Day streak: {current} (longest {longest}) · lessons: {lessons} · answers: {reviews}",
    "stats.accuracy": (
        "Accuracy: foreign → native {foreign} · native → foreign {native} · "
        "choice {choice} · typing {typing}"
    ),
    "stats.retention": "True retention, last {weeks} weeks: {rate} ({passed} of {total})",
    "stats.forecast": "Due in the next 30 days",
    "stats.today": "today",
    "stats.heatmap": "Answers over the last year",
    "stats.hardest": "Hardest words",
    "stats.hard_word": "{word} — {meanings} (forgotten {lapses}×)",
    "stats.no_hard_words": "No word has been forgotten yet.",
    # settings
    "settings.title": "Settings",
    "settings.profile": "Profile {name}: {native} → {target}",
    "settings.level": "Level",
    "settings.lesson_size": "Cards per lesson",
    "settings.new_per_day": "New words per day",
    "settings.retention": "Desired retention",
    "settings.interface": "Interface language",
    "settings.save": "Save",
    "settings.saved": "Settings saved.",
    "settings.level_words": "Level {level}: {count} words added from the built-in vocabulary.",
    "settings.not_a_number": "{field}: “{value}” is not a number.",
    "settings.llm": "LLM",
    "settings.endpoint": "Endpoint: {endpoint}",
    "settings.model": "Model: {model}",
    "settings.key_set": "API key: set (hidden)",
    "settings.key_missing": "API key: not set",
    "settings.llm_where": (
        "Change these with the environment variables OPENAI_API_KEY, OPENAI_BASE_URL and "
        "WORDS_LLM_MODEL, or in {path}; then restart."
    ),
    # help and command palette
    "help.title": "Help",
    "help.palette": "Command palette",
    "help.startup": "words-tui is opening your vocabulary.",
    "help.onboarding": (
        "Choose the language you speak, the one you learn and your level. The built-in "
        "vocabulary fills your first lessons at once."
    ),
    "help.home": (
        "Start a lesson with the cards due now and today's new words. Each word is practised "
        "in both directions; new words start as multiple choice and move on to typing."
    ),
    "help.lesson": (
        "Choose with 1–4 or the mouse, or type the answer and press Enter. Typos, accents and "
        "other forms are accepted with a note. After the verdict: Enter for the next card, "
        "u to undo, r if you were right after all."
    ),
    "help.summary": "How the lesson went. Every answer was saved as you gave it.",
    "help.general": "Keys of this window:",
    "help.addword": (
        "Type a word in either language. Its entry comes from your words, the built-in "
        "vocabulary, an offline dictionary or the LLM, in that order. Tick the meanings to "
        "learn and add the word: both directions become cards."
    ),
    "help.browser": (
        "Your words, 50 to a page. Search by the start of a word or part of a translation; "
        "filter by status and level. → % and ← % are the share of right answers per direction."
    ),
    "help.statistics": (
        "True retention counts typed answers to cards in review: the share you still knew. "
        "The forecast shows reviews coming due; the heatmap, your answers per day."
    ),
    "help.settings": (
        "These settings belong to the current profile. A higher level adds the built-in words "
        "of that level; the interface language applies at once."
    ),
    "palette.lesson": "Start a lesson",
    "palette.lesson.help": "Practise the cards due now and today's new words",
    "palette.add": "Add a word",
    "palette.add.help": "Look a word up and add it to your vocabulary",
    "palette.browse": "Browse words",
    "palette.browse.help": "Search, edit, suspend or delete words",
    "palette.statistics": "Statistics",
    "palette.statistics.help": "Counts, streak, retention, forecast and heatmap",
    "palette.settings": "Settings",
    "palette.settings.help": "Profile, lesson size, retention, interface language, LLM",
    "palette.profile": "Switch profile",
    "palette.profile.help": "Change the active language pair or create a new one",
    "palette.help": "Help",
    "palette.help.help": "Keys of the current screen",
    "palette.theme": "Dark/light theme",
    "palette.theme.help": "Switch between the dark and the light theme",
    "palette.quit": "Quit",
    "palette.quit.help": "Leave words-tui (every answer is already saved)",
}
