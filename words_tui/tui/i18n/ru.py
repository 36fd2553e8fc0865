"""Русские тексты интерфейса."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # languages and levels
    "language.en": "английский",
    "language.ru": "русский",
    "language.es": "испанский",
    "level.A1": "начальный",
    "level.A2": "элементарный",
    "level.B1": "средний",
    "level.B2": "выше среднего",
    "level.C1": "продвинутый",
    "level.C2": "свободный",
    # footer keys
    "key.help": "Помощь",
    "key.theme": "Тёмная/светлая",
    "key.quit": "Выход",
    "key.back": "Назад",
    "key.cancel": "Отмена",
    "key.close": "Закрыть",
    "key.home": "Главная",
    "key.next": "Дальше",
    "key.undo": "Отменить",
    "key.override": "Я был прав",
    "key.edit": "Править слово",
    "key.suspend": "Отложить",
    "key.leave": "Закончить урок",
    "key.lesson": "Урок",
    "key.add": "Добавить слово",
    "key.browse": "Слова",
    "key.statistics": "Статистика",
    "key.settings": "Настройки",
    "key.profile": "Профиль",
    "key.add_selected": "Добавить",
    "key.delete": "Удалить",
    "key.history": "История",
    "key.next_page": "След. страница",
    "key.previous_page": "Пред. страница",
    "key.reload": "Обновить",
    "key.reset": "Сбросить",
    "key.save": "Сохранить",
    "key.search": "Поиск",
    "key.suspend_toggle": "Отложить/вернуть",
    "palette": "Команды",
    # errors
    "error.title": "Что-то пошло не так",
    "error.body": "{error}",
    # start-up and onboarding
    "startup.opening": "Открываем ваш словарь…",
    "onboarding.welcome": "Добро пожаловать в words-tui",
    "onboarding.step": "Шаг {number} из {total}",
    "onboarding.native.question": "На каком языке вы говорите?",
    "onboarding.target.question": "Какой язык вы хотите учить?",
    "onboarding.level.question": "Какой у вас уровень?",
    "onboarding.finish.question": "Всё готово",
    "onboarding.summary": "Изучаемый язык: {target}. Ваш язык: {native}. Начальный уровень: {level}.",
    "onboarding.llm_configured": (
        "Функции LLM включены: свободные ответы проверяет судья, любое слово можно перевести."
    ),
    "onboarding.llm_missing": (
        "Уроки работают без сети на встроенном словаре. Чтобы включить судью ответов и "
        "перевод любых слов, задайте переменную окружения OPENAI_API_KEY (или "
        "OPENAI_BASE_URL для локального сервера, например Ollama) и перезапустите программу. "
        "Ключ никогда не вводится в программу и не показывается."
    ),
    "onboarding.level_beyond_starter": (
        "Встроенный словарь доходит до уровня B1; более сложные слова можно добавлять по "
        "одному или импортировать."
    ),
    "onboarding.start": "Начать",
    # home
    "home.profile": "{native} → {target}, уровень {level} (профиль {name})",
    "home.due": "К повторению\n{count}",
    "home.new": "Новых сегодня\n{count}",
    "home.streak": "Дней подряд\n{count}",
    "home.activity": "Ответы за последние дни ({days})",
    "home.menu.lesson": "Начать урок",
    "home.menu.add": "Добавить слово",
    "home.menu.browse": "Мои слова",
    "home.menu.statistics": "Статистика",
    "home.menu.settings": "Настройки",
    "home.menu.profile": "Сменить профиль",
    "home.llm_on": "LLM: включена (судья ответов и переводы).",
    "home.llm_off": "LLM: выключена. Задайте OPENAI_API_KEY и перезапустите, чтобы включить судью и переводы.",
    "home.nothing_due": "Сейчас нечего повторять: загляните позже или добавьте слова.",
    # profiles
    "profiles.title": "Профили",
    "profiles.new": "Новый профиль…",
    # lesson
    "lesson.title": "Урок",
    "lesson.count": "{done} / {total}",
    "lesson.direction": "{source} → {target}",
    "lesson.mode.choice": "выбор",
    "lesson.mode.typing": "ввод",
    "lesson.new_word": "новое слово",
    "lesson.type_placeholder": "Введите ответ ({language}) и нажмите Enter",
    "lesson.undone": "Ответ на «{word}» отменён.",
    "lesson.edited": "Переводы слова «{word}» сохранены.",
    "lesson.suspended": "Слово «{word}» отложено: его больше не будут спрашивать.",
    # feedback
    "feedback.correct": "Верно",
    "feedback.accent": "Принято: обратите внимание на ударения и знаки",
    "feedback.typo": "Принято, но с опечаткой",
    "feedback.form": "Принято",
    "feedback.judge_accepted": "Судья принял ответ",
    "feedback.override": "Засчитано как верное",
    "feedback.wrong": "Неверно",
    "feedback.spelled": "Пишется:",
    "feedback.form.alternative": "Тоже верно; эта карточка тренирует «{expected}».",
    "feedback.form.lemma": "Ожидалась словарная форма: {expected}",
    "feedback.form.article": "Обратите внимание на артикль: {expected}",
    "feedback.form.other": "Это форма «{form}»; ожидалось {expected}.",
    "feedback.judge_comment": "Судья: {comment}",
    "feedback.answer_is": "Правильный ответ:",
    "feedback.you_typed": "Вы ввели: {answer}",
    "feedback.could_not_check": "Не удалось проверить: нажмите r, если вы были правы.",
    "feedback.also_accepted": "Тоже принимается: {answers}",
    "feedback.promoted": "Теперь это слово нужно будет вводить.",
    "feedback.mastered": "Выучено! Слово уходит из активной практики.",
    "feedback.leech": "Это слово всё время забывается: попробуйте его отредактировать (e).",
    # word forms
    "form.gender": "род",
    "form.plural": "мн. ч.",
    "form.pl": "мн. ч.",
    "form.f": "ж. р.",
    "form.n": "ср. р.",
    "form.past": "прошедшее",
    "form.past_participle": "причастие прошедшего времени",
    "form.participle": "причастие",
    "form.aspect": "вид",
    "form.aspect_pair": "видовая пара",
    "form.comparative": "сравнительная степень",
    "form.superlative": "превосходная степень",
    "form.pres_1sg": "я (настоящее)",
    "form.pret_1sg": "я (прошедшее)",
    # summary
    "summary.title": "Урок окончен",
    "summary.answered": "Ответов: {count}",
    "summary.correct": "Верно: {count}",
    "summary.wrong": "Неверно: {count}",
    "summary.new_words": "Новых слов: {count}",
    "summary.promoted": "Перешли к вводу: {count}",
    "summary.mastered": "Выучено: {count}",
    "summary.time": "Время: {time}",
    "summary.streak": "Дней подряд: {count}",
    "summary.leeches": "Трудные слова, на которые стоит взглянуть: {words}",
    # dialogs
    "dialog.cancel": "Отмена",
    "dialog.save": "Сохранить",
    "edit.title": "Переводы слова «{word}»",
    "edit.hint": "Разделяйте переводы знаком «;», самый частый — первым.",
    "edit.empty": "Оставьте хотя бы один перевод.",
    # add word
    "add.title": "Добавить слово",
    "add.placeholder": "Слово на языке: {target} или {native}",
    "add.hint": "Введите слово; его статья появится по мере ввода.",
    "add.looking_up": "Ищем «{word}»…",
    "add.found": "Найдено статей: {count} (язык ввода: {language}). Отметьте значения, которые хотите учить.",
    "add.no_source": (
        "Для «{word}» нет статьи ни во встроенном словаре, ни в офлайн-словаре. Чтобы "
        "переводить любые слова, задайте OPENAI_API_KEY (или OPENAI_BASE_URL для локального "
        "сервера) и перезапустите программу."
    ),
    "add.not_found": "Для «{word}» ничего не найдено: {problem}",
    "add.in_vocabulary": "Уже в вашем словаре",
    "add.source": "источник: {source}",
    "add.button": "Добавить с отмеченными значениями",
    "add.pick_meaning": "Отметьте хотя бы одно значение.",
    "add.added": "«{word}» добавлено: оно появится в ближайших уроках.",
    "add.already": "«{word}» уже есть в вашем словаре; ничего не изменилось.",
    # browser
    "browser.title": "Слова",
    "browser.search": "Поиск по слову или переводу",
    "browser.all_statuses": "Все статусы",
    "browser.all_levels": "Все уровни",
    "browser.word": "Слово",
    "browser.translations": "Переводы",
    "browser.level": "Уровень",
    "browser.status": "Статус",
    "browser.due": "Следующий",
    "browser.page_info": "{first}–{last} из {total}",
    "browser.edited": "Переводы слова «{word}» сохранены.",
    "browser.suspended": "«{word}» отложено.",
    "browser.resumed": "«{word}» снова в практике.",
    "browser.confirm_delete": "Удалить «{word}» вместе со всей историей ответов?",
    "browser.delete": "Удалить",
    "browser.deleted": "«{word}» удалено.",
    "browser.confirm_reset": "Начать «{word}» заново с выбора ответа? История сохранится.",
    "browser.reset": "Сбросить",
    "browser.was_reset": "«{word}» начинается заново с выбора ответа.",
    # review history
    "history.title": "История «{word}» · ответов: {count}",
    "history.when": "Когда",
    "history.direction": "Направление",
    "history.mode": "Режим",
    "history.answer": "Ответ",
    "history.verdict": "Вердикт",
    # word status, part of speech, verdicts, weekdays
    "status.new": "новое",
    "status.learning": "изучается",
    "status.review": "повторение",
    "status.mastered": "выучено",
    "status.suspended": "отложено",
    "pos.noun": "сущ.",
    "pos.verb": "глаг.",
    "pos.adj": "прил.",
    "pos.adv": "нареч.",
    "pos.pron": "мест.",
    "pos.prep": "предл.",
    "pos.conj": "союз",
    "pos.num": "числ.",
    "pos.det": "определитель",
    "pos.intj": "межд.",
    "pos.phrase": "выражение",
    "verdict.exact": "верно",
    "verdict.accent": "знаки",
    "verdict.typo": "опечатка",
    "verdict.form": "другая форма",
    "verdict.llm": "судья",
    "verdict.override": "засчитано вручную",
    "verdict.wrong": "неверно",
    "verdict.choice_correct": "верный выбор",
    "verdict.choice_wrong": "неверный выбор",
    "weekday.0": "Пн",
    "weekday.1": "Вт",
    "weekday.2": "Ср",
    "weekday.3": "Чт",
    "weekday.4": "Пт",
    "weekday.5": "Сб",
    "weekday.6": "Вс",
    # statistics
    "stats.title": "Статистика",
    "stats.words": "Слов: {count}",
    "stats.streak": "Дней подряд: {current} (рекорд {longest}) · уроков: {lessons} · ответов: {reviews}",
    "stats.accuracy": (
        "Точность: иностранный → родной {foreign} · родной → иностранный {native} · "
        "выбор {choice} · ввод {typing}"
    ),
    "stats.retention": "Реальное удержание за последние недели ({weeks}): {rate} ({passed} из {total})",
    "stats.forecast": "К повторению в ближайшие 30 дней",
    "stats.today": "сегодня",
    "stats.heatmap": "Ответы за последний год",
    "stats.hardest": "Самые трудные слова",
    "stats.hard_word": "{word} — {meanings} (забыто раз: {lapses})",
    "stats.no_hard_words": "Пока ни одно слово не забылось.",
    # settings
    "settings.title": "Настройки",
    "settings.profile": "Профиль {name}: {native} → {target}",
    "settings.level": "Уровень",
    "settings.lesson_size": "Карточек в уроке",
    "settings.new_per_day": "Новых слов в день",
    "settings.retention": "Желаемое удержание",
    "settings.interface": "Язык интерфейса",
    "settings.save": "Сохранить",
    "settings.saved": "Настройки сохранены.",
    "settings.level_words": "Уровень {level}: из встроенного словаря добавлено слов — {count}.",
    "settings.not_a_number": "{field}: «{value}» — не число.",
    "settings.llm": "LLM",
    "settings.endpoint": "Адрес: {endpoint}",
    "settings.model": "Модель: {model}",
    "settings.key_set": "API-ключ: задан (скрыт)",
    "settings.key_missing": "API-ключ: не задан",
    "settings.llm_where": (
        "Эти параметры задаются переменными окружения OPENAI_API_KEY, OPENAI_BASE_URL и "
        "WORDS_LLM_MODEL или в файле {path}; затем перезапустите программу."
    ),
    # import
    "key.import": "Импорт",
    "home.menu.import": "Импортировать файл",
    "palette.import": "Импортировать файл",
    "palette.import.help": "Добавить слова из CSV/TSV, колоды Anki или словаря Kindle",
    "help.import": "Укажите путь к файлу CSV или TSV (слово, переводы, …), колоде Anki .apkg или файлу Kindle vocab.db. Слова, которые уже есть в словаре, обновляются, а не повторяются; если файл не читается, ничего не записывается.",
    "import.title": "Импорт файла",
    "import.hint": "CSV/TSV (слово, переводы, …), Anki .apkg или Kindle vocab.db; формат определяется по файлу.",
    "import.path": "Путь к файлу",
    "import.translate": "Перевести слова без перевода (LLM)",
    "import.start": "Импортировать",
    "import.no_path": "Введите путь к файлу для импорта.",
    "import.stage.reading": "Читаем файл…",
    "import.stage.translating": "Перевод: {done} из {total}",
    "import.stage.writing": "Сохранение: {done} из {total}",
    "import.failed": "Ничего не импортировано: {problem}",
    "import.done": "{file}: добавлено {created}, обновлено {updated}, без изменений {unchanged}, пропущено {skipped}, переведено {translated}.",
    "import.skipped": "Пропущено: {problem}",
    "import.more": "… и ещё пропущенных строк: {count}.",
    # help and command palette
    "help.title": "Помощь",
    "help.palette": "Палитра команд",
    "help.startup": "words-tui открывает ваш словарь.",
    "help.onboarding": (
        "Выберите язык, на котором говорите, язык, который учите, и свой уровень. "
        "Встроенный словарь сразу наполнит первые уроки."
    ),
    "help.home": (
        "Начните урок с карточками, которые пора повторить, и новыми словами на сегодня. "
        "Каждое слово тренируется в обе стороны; новые слова начинаются с выбора ответа, "
        "потом их нужно вводить."
    ),
    "help.lesson": (
        "Выбирайте клавишами 1–4 или мышью либо введите ответ и нажмите Enter. Опечатки, "
        "знаки и другие формы принимаются с пояснением. После вердикта: Enter — следующая "
        "карточка, u — отменить ответ, r — если вы всё-таки были правы."
    ),
    "help.summary": "Итоги урока. Каждый ответ сохранялся сразу.",
    "help.general": "Клавиши этого окна:",
    "help.addword": (
        "Введите слово на любом из двух языков. Статья берётся из ваших слов, встроенного "
        "словаря, офлайн-словаря или LLM — в таком порядке. Отметьте значения и добавьте "
        "слово: оба направления станут карточками."
    ),
    "help.browser": (
        "Ваши слова, по 50 на странице. Ищите по началу слова или части перевода; "
        "фильтруйте по статусу и уровню. → % и ← % — доля верных ответов в каждом направлении."
    ),
    "help.statistics": (
        "Реальное удержание считает введённые ответы на карточки в повторении: какую долю вы "
        "ещё помнили. Прогноз показывает предстоящие повторения, календарь — ответы по дням."
    ),
    "help.settings": (
        "Эти настройки относятся к текущему профилю. Более высокий уровень добавляет слова "
        "этого уровня из встроенного словаря; язык интерфейса меняется сразу."
    ),
    "palette.lesson": "Начать урок",
    "palette.lesson.help": "Повторить карточки и выучить новые слова на сегодня",
    "palette.add": "Добавить слово",
    "palette.add.help": "Найти слово и добавить его в словарь",
    "palette.browse": "Мои слова",
    "palette.browse.help": "Искать, править, откладывать и удалять слова",
    "palette.statistics": "Статистика",
    "palette.statistics.help": "Счётчики, серия, удержание, прогноз и календарь",
    "palette.settings": "Настройки",
    "palette.settings.help": "Профиль, размер урока, удержание, язык интерфейса, LLM",
    "palette.profile": "Сменить профиль",
    "palette.profile.help": "Выбрать другую языковую пару или создать новую",
    "palette.help": "Помощь",
    "palette.help.help": "Клавиши текущего экрана",
    "palette.theme": "Тёмная/светлая тема",
    "palette.theme.help": "Переключить тёмную и светлую тему",
    "palette.quit": "Выход",
    "palette.quit.help": "Выйти из words-tui (все ответы уже сохранены)",
}
