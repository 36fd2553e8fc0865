"""Textos de la interfaz en español."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # languages and levels
    "language.en": "inglés",
    "language.ru": "ruso",
    "language.es": "español",
    "level.A1": "principiante",
    "level.A2": "elemental",
    "level.B1": "intermedio",
    "level.B2": "intermedio alto",
    "level.C1": "avanzado",
    "level.C2": "maestría",
    # footer keys
    "key.help": "Ayuda",
    "key.theme": "Oscuro/claro",
    "key.quit": "Salir",
    "key.back": "Atrás",
    "key.cancel": "Cancelar",
    "key.close": "Cerrar",
    "key.home": "Inicio",
    "key.next": "Siguiente",
    "key.undo": "Deshacer",
    "key.override": "Tenía razón",
    "key.edit": "Editar palabra",
    "key.suspend": "Suspender",
    "key.leave": "Terminar lección",
    "key.dont_know": "No lo sé",
    "key.lesson": "Lección",
    "key.add": "Añadir palabra",
    "key.browse": "Palabras",
    "key.statistics": "Estadísticas",
    "key.settings": "Ajustes",
    "key.profile": "Perfil",
    "key.add_selected": "Añadir",
    "key.delete": "Borrar",
    "key.history": "Historial",
    "key.next_page": "Página siguiente",
    "key.previous_page": "Página anterior",
    "key.reload": "Recargar",
    "key.reset": "Reiniciar",
    "key.save": "Guardar",
    "key.search": "Buscar",
    "key.suspend_toggle": "Suspender/reanudar",
    "palette": "Comandos",
    # errors
    "error.title": "Algo salió mal",
    "error.body": "{error}",
    # start-up and onboarding
    "startup.opening": "Abriendo tu vocabulario…",
    "onboarding.welcome": "Te damos la bienvenida a words-tui",
    "onboarding.step": "Paso {number} de {total}",
    "onboarding.native.question": "¿Qué idioma hablas?",
    "onboarding.target.question": "¿Qué idioma quieres aprender?",
    "onboarding.level.question": "¿Cuál es tu nivel?",
    "onboarding.finish.question": "Todo listo",
    "onboarding.summary": "Aprenderás {target} desde {native}, empezando en el nivel {level}.",
    "onboarding.llm_configured": (
        "Las funciones de LLM están activas: se evalúan las respuestas libres y se puede "
        "traducir cualquier palabra."
    ),
    "onboarding.llm_missing": (
        "Las lecciones funcionan sin conexión con el vocabulario incluido. Para el juez de "
        "respuestas y la traducción de cualquier palabra, define la variable de entorno "
        "OPENAI_API_KEY (u OPENAI_BASE_URL para un servidor local como Ollama) y reinicia. "
        "La clave nunca se escribe en la aplicación ni se muestra."
    ),
    "onboarding.level_beyond_starter": (
        "El vocabulario incluido llega hasta B1; las palabras de niveles superiores se pueden "
        "añadir una a una o importar."
    ),
    "onboarding.start": "Empezar",
    # home
    "home.profile": "{native} → {target}, nivel {level} (perfil {name})",
    "home.due": "Para repasar\n{count}",
    "home.new": "Nuevas hoy\n{count}",
    "home.streak": "Días seguidos\n{count}",
    "home.activity": "Respuestas de los últimos {days} días",
    "home.menu.lesson": "Empezar una lección",
    "home.menu.add": "Añadir una palabra",
    "home.menu.browse": "Ver palabras",
    "home.menu.statistics": "Estadísticas",
    "home.menu.settings": "Ajustes",
    "home.menu.profile": "Cambiar de perfil",
    "home.llm_on": "LLM: activo (juez de respuestas y traducciones).",
    "home.llm_off": "LLM: inactivo. Define OPENAI_API_KEY y reinicia para activar el juez y las traducciones.",
    "home.nothing_due": "No hay nada que practicar ahora: vuelve más tarde o añade palabras.",
    # profiles
    "profiles.title": "Perfiles",
    "profiles.new": "Nuevo perfil…",
    # lesson
    "lesson.title": "Lección",
    "lesson.count": "{done} / {total}",
    "lesson.direction": "{source} → {target}",
    "lesson.mode.choice": "elegir",
    "lesson.mode.typing": "escribir",
    "lesson.new_word": "palabra nueva",
    "lesson.type_placeholder": "Escribe la respuesta en {language} y pulsa Enter",
    "lesson.undone": "Respuesta a «{word}» deshecha.",
    "lesson.edited": "Traducciones de «{word}» guardadas.",
    "lesson.suspended": "«{word}» suspendida: ya no se preguntará.",
    # feedback
    "feedback.correct": "Correcto",
    "feedback.accent": "Aceptado: cuidado con las tildes",
    "feedback.typo": "Aceptado con una errata",
    "feedback.form": "Aceptado",
    "feedback.judge_accepted": "Aceptado por el juez",
    "feedback.override": "Contado como correcto",
    "feedback.wrong": "Incorrecto",
    "feedback.spelled": "Se escribe:",
    "feedback.form.alternative": "También vale; esta tarjeta practica «{expected}».",
    "feedback.form.lemma": "Esperábamos la forma de diccionario: {expected}",
    "feedback.but": "Bien, pero:",
    "feedback.not_known": "Todavía no la sabes",
    "feedback.form.spelling": "También se escribe {answer}; esta tarjeta muestra {expected}.",
    "feedback.reason.other_word": "Esa es otra palabra: {word}",
    "feedback.reason.real_word": "«{answer}» es otra palabra, no una forma de escribir «{expected}».",
    "feedback.reason.degree": "«{answer}» es un comparativo o superlativo; preguntamos {expected}.",
    "feedback.reason.gender": "«{answer}» es el otro género de {expected}.",
    "feedback.reason.too_long": "Eso es una frase, no la palabra que se pide.",
    "feedback.form.other": "Esa es la forma «{form}»; esperábamos {expected}.",
    "feedback.judge_comment": "Juez: {comment}",
    "feedback.answer_is": "La respuesta es:",
    "feedback.you_typed": "Escribiste: {answer}",
    "feedback.could_not_check": "No se pudo comprobar: pulsa r si tenías razón.",
    "feedback.also_accepted": "También se acepta: {answers}",
    "feedback.promoted": "A partir de ahora escribirás esta palabra.",
    "feedback.mastered": "¡Dominada! Esta palabra sale de la práctica activa.",
    "feedback.leech": "Esta palabra se te escapa una y otra vez: prueba a editarla (e).",
    # word forms
    "form.gender": "género",
    "form.plural": "plural",
    "form.pl": "plural",
    "form.f": "femenino",
    "form.n": "neutro",
    "form.past": "pasado",
    "form.past_participle": "participio pasado",
    "form.participle": "participio",
    "form.aspect": "aspecto",
    "form.aspect_pair": "par aspectual",
    "form.comparative": "comparativo",
    "form.superlative": "superlativo",
    "form.pres_1sg": "yo (presente)",
    "form.pret_1sg": "yo (pretérito)",
    # summary
    "summary.title": "Lección terminada",
    "summary.answered": "Respuestas: {count}",
    "summary.correct": "Correctas: {count}",
    "summary.wrong": "Incorrectas: {count}",
    "summary.new_words": "Palabras nuevas: {count}",
    "summary.promoted": "Pasan a escritura: {count}",
    "summary.mastered": "Dominadas: {count}",
    "summary.time": "Tiempo: {time}",
    "summary.streak": "Días seguidos: {count}",
    "summary.leeches": "Palabras difíciles para revisar: {words}",
    # dialogs
    "dialog.cancel": "Cancelar",
    "dialog.save": "Guardar",
    "edit.title": "Traducciones de «{word}»",
    "edit.hint": "Separa las traducciones con «;», la más común primero.",
    "edit.empty": "Deja al menos una traducción.",
    # add word
    "add.title": "Añadir una palabra",
    "add.placeholder": "Una palabra en {target} o en {native}",
    "add.hint": "Escribe una palabra; su entrada aparece mientras escribes.",
    "add.looking_up": "Buscando «{word}»…",
    "add.found": "Entradas encontradas: {count} (escrito en {language}). Marca los significados que quieres aprender.",
    "add.no_source": (
        "No hay entrada para «{word}» en el vocabulario incluido ni en un diccionario. Para "
        "traducir cualquier palabra, define OPENAI_API_KEY (u OPENAI_BASE_URL para un servidor "
        "local) y reinicia."
    ),
    "add.not_found": "No hay entrada para «{word}»: {problem}",
    "add.in_vocabulary": "Ya está en tu vocabulario",
    "add.source": "de {source}",
    "add.button": "Añadir con los significados marcados",
    "add.pick_meaning": "Marca al menos un significado.",
    "add.added": "«{word}» añadida: aparecerá en tus próximas lecciones.",
    "add.already": "«{word}» ya está en tu vocabulario; no ha cambiado nada.",
    # browser
    "browser.title": "Palabras",
    "browser.search": "Busca una palabra o una traducción",
    "browser.all_statuses": "Todos los estados",
    "browser.all_levels": "Todos los niveles",
    "browser.word": "Palabra",
    "browser.translations": "Traducciones",
    "browser.level": "Nivel",
    "browser.status": "Estado",
    "browser.due": "Próximo",
    "browser.page_info": "{first}–{last} de {total}",
    "browser.edited": "Traducciones de «{word}» guardadas.",
    "browser.suspended": "«{word}» suspendida.",
    "browser.resumed": "«{word}» vuelve a la práctica.",
    "browser.confirm_delete": "¿Borrar «{word}» con todo su historial de respuestas?",
    "browser.delete": "Borrar",
    "browser.deleted": "«{word}» borrada.",
    "browser.confirm_reset": "¿Empezar «{word}» de nuevo con opciones? Su historial se conserva.",
    "browser.reset": "Reiniciar",
    "browser.was_reset": "«{word}» empieza de nuevo con opciones.",
    # review history
    "history.title": "Historial de «{word}» · respuestas: {count}",
    "history.when": "Cuándo",
    "history.direction": "Sentido",
    "history.mode": "Modo",
    "history.answer": "Respuesta",
    "history.verdict": "Veredicto",
    # word status, part of speech, verdicts, weekdays
    "status.new": "nueva",
    "status.learning": "aprendiendo",
    "status.review": "repaso",
    "status.mastered": "dominada",
    "status.suspended": "suspendida",
    "pos.noun": "sustantivo",
    "pos.verb": "verbo",
    "pos.adj": "adjetivo",
    "pos.adv": "adverbio",
    "pos.pron": "pronombre",
    "pos.prep": "preposición",
    "pos.conj": "conjunción",
    "pos.num": "numeral",
    "pos.det": "determinante",
    "pos.intj": "interjección",
    "pos.phrase": "expresión",
    "verdict.exact": "correcto",
    "verdict.accent": "tildes",
    "verdict.typo": "errata",
    "verdict.form": "otra forma",
    "verdict.llm": "juez",
    "verdict.override": "corregido a mano",
    "verdict.wrong": "incorrecto",
    "verdict.choice_correct": "opción correcta",
    "verdict.choice_wrong": "opción incorrecta",
    "weekday.0": "Lu",
    "weekday.1": "Ma",
    "weekday.2": "Mi",
    "weekday.3": "Ju",
    "weekday.4": "Vi",
    "weekday.5": "Sá",
    "weekday.6": "Do",
    # statistics
    "stats.title": "Estadísticas",
    "stats.words": "Palabras: {count}",
    "stats.streak": "Días seguidos: {current} (récord {longest}) · lecciones: {lessons} · respuestas: {reviews}",
    "stats.accuracy": (
        "Acierto: extranjero → nativo {foreign} · nativo → extranjero {native} · "
        "opciones {choice} · escritura {typing}"
    ),
    "stats.retention": "Retención real, últimas {weeks} semanas: {rate} ({passed} de {total})",
    "stats.forecast": "Repasos en los próximos 30 días",
    "stats.today": "hoy",
    "stats.heatmap": "Respuestas del último año",
    "stats.hardest": "Palabras más difíciles",
    "stats.hard_word": "{word} — {meanings} (olvidada {lapses} veces)",
    "stats.no_hard_words": "Todavía no se ha olvidado ninguna palabra.",
    # settings
    "settings.title": "Ajustes",
    "settings.profile": "Perfil {name}: {native} → {target}",
    "settings.level": "Nivel",
    "settings.lesson_size": "Tarjetas por lección",
    "settings.new_per_day": "Palabras nuevas al día",
    "settings.retention": "Retención deseada",
    "settings.interface": "Idioma de la interfaz",
    "settings.save": "Guardar",
    "settings.saved": "Ajustes guardados.",
    "settings.level_words": "Nivel {level}: {count} palabras añadidas del vocabulario incluido.",
    "settings.not_a_number": "{field}: «{value}» no es un número.",
    "settings.llm": "LLM",
    "settings.endpoint": "Servidor: {endpoint}",
    "settings.model": "Modelo: {model}",
    "settings.key_set": "Clave de API: definida (oculta)",
    "settings.key_missing": "Clave de API: no definida",
    "settings.llm_where": (
        "Cámbialos con las variables de entorno OPENAI_API_KEY, OPENAI_BASE_URL y "
        "WORDS_LLM_MODEL, o en {path}; después reinicia."
    ),
    # import
    "key.import": "Importar",
    "home.menu.import": "Importar un archivo",
    "palette.import": "Importar un archivo",
    "palette.import.help": "Añadir las palabras de un CSV/TSV, un mazo de Anki o un vocabulario de Kindle",
    "help.import": "Indica la ruta de un archivo CSV o TSV (palabra, traducciones, …), un mazo .apkg de Anki o un vocab.db de Kindle. Las palabras que ya tienes se actualizan, no se repiten; si el archivo no se puede leer, no se escribe nada.",
    "import.title": "Importar un archivo",
    "import.hint": "CSV/TSV (palabra, traducciones, …), Anki .apkg o Kindle vocab.db; el formato se reconoce por el archivo.",
    "import.path": "Ruta del archivo",
    "import.translate": "Traducir las palabras que vienen sin traducción (LLM)",
    "import.start": "Importar",
    "import.no_path": "Escribe la ruta del archivo que quieres importar.",
    "import.stage.reading": "Leyendo el archivo…",
    "import.stage.translating": "Traduciendo: {done} de {total}",
    "import.stage.writing": "Guardando: {done} de {total}",
    "import.failed": "No se importó nada: {problem}",
    "import.done": "{file}: {created} añadidas, {updated} actualizadas, {unchanged} sin cambios, {skipped} omitidas, {translated} traducidas.",
    "import.skipped": "Omitida {problem}",
    "import.more": "… y {count} filas omitidas más.",
    # help and command palette
    "help.title": "Ayuda",
    "help.palette": "Paleta de comandos",
    "help.startup": "words-tui está abriendo tu vocabulario.",
    "help.onboarding": (
        "Elige el idioma que hablas, el que aprendes y tu nivel. El vocabulario incluido "
        "llena tus primeras lecciones al instante."
    ),
    "help.home": (
        "Empieza una lección con las tarjetas pendientes y las palabras nuevas de hoy. Cada "
        "palabra se practica en ambos sentidos; las nuevas empiezan con opciones y luego se "
        "escriben."
    ),
    "help.lesson": (
        "Elige con 1–4 o con el ratón, o escribe la respuesta y pulsa Enter. Las erratas, "
        "tildes y otras formas se aceptan con una nota. Tras el veredicto: Enter para la "
        "siguiente tarjeta, u para deshacer, r si al final tenías razón."
    ),
    "help.summary": "Cómo fue la lección. Cada respuesta se guardó al darla.",
    "help.general": "Teclas de esta ventana:",
    "help.addword": (
        "Escribe una palabra en cualquiera de los dos idiomas. Su entrada viene de tus "
        "palabras, del vocabulario incluido, de un diccionario sin conexión o del LLM, en ese "
        "orden. Marca los significados y añádela: ambos sentidos se convierten en tarjetas."
    ),
    "help.browser": (
        "Tus palabras, 50 por página. Busca por el comienzo de una palabra o parte de una "
        "traducción; filtra por estado y nivel. → % y ← % son los aciertos en cada sentido."
    ),
    "help.statistics": (
        "La retención real cuenta las respuestas escritas a tarjetas en repaso: la parte que "
        "aún recordabas. La previsión muestra los repasos por venir; el calendario, tus "
        "respuestas por día."
    ),
    "help.settings": (
        "Estos ajustes son del perfil actual. Un nivel más alto añade las palabras incluidas "
        "de ese nivel; el idioma de la interfaz cambia al instante."
    ),
    "palette.lesson": "Empezar una lección",
    "palette.lesson.help": "Practicar las tarjetas pendientes y las palabras nuevas de hoy",
    "palette.add": "Añadir una palabra",
    "palette.add.help": "Buscar una palabra y añadirla a tu vocabulario",
    "palette.browse": "Ver palabras",
    "palette.browse.help": "Buscar, editar, suspender o borrar palabras",
    "palette.statistics": "Estadísticas",
    "palette.statistics.help": "Recuentos, racha, retención, previsión y calendario",
    "palette.settings": "Ajustes",
    "palette.settings.help": "Perfil, tamaño de lección, retención, idioma de la interfaz, LLM",
    "palette.profile": "Cambiar de perfil",
    "palette.profile.help": "Cambiar el par de idiomas activo o crear uno nuevo",
    "palette.help": "Ayuda",
    "palette.help.help": "Teclas de la pantalla actual",
    "palette.theme": "Tema oscuro/claro",
    "palette.theme.help": "Cambiar entre el tema oscuro y el claro",
    "palette.quit": "Salir",
    "palette.quit.help": "Salir de words-tui (cada respuesta ya está guardada)",
}
