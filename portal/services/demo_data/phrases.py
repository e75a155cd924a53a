"""Shared text building blocks for demo postings: offers, benefits, closings, languages."""

from __future__ import annotations

from portal.models import Benefit, PostingKind

Pair = tuple[str, str]
K = PostingKind

DEMO_NOTE: Pair = (
    "_Fiktive Demo-Anzeige: Diese Stelle gibt es nicht; sie dient nur der Vorführung des Portals._",
    "_Fictional demo posting: this position does not exist; it only demonstrates the portal._",
)

TASKS_HEADING: dict[PostingKind, Pair] = {
    K.THESIS: ("**Inhalt der Arbeit**", "**What the thesis covers**"),
    K.APPRENTICESHIP: ("**Was Sie lernen**", "**What you will learn**"),
    K.PHD: ("**Ihr Forschungsprojekt**", "**Your research project**"),
    K.POSTDOC: ("**Ihre Aufgaben**", "**Your responsibilities**"),
}
DEFAULT_TASKS_HEADING: Pair = ("**Ihre Aufgaben**", "**Your tasks**")

# One closing paragraph per kind, so the body ends with something a reader can act on.
CLOSINGS: dict[PostingKind, Pair] = {
    K.JOB: (
        "Sie finden sich nicht in jedem Punkt wieder? Bewerben Sie sich trotzdem – uns ist "
        "wichtiger, was Sie lernen wollen, als eine vollständige Liste. Ein Anschreiben ist "
        "freiwillig; ein Lebenslauf genügt.",
        "Don't tick every box? Apply anyway — what you want to learn matters more to us than a "
        "complete list. A cover letter is optional; a CV is enough.",
    ),
    K.INTERNSHIP: (
        "Das Praktikum kann als Pflichtpraktikum oder freiwillig absolviert werden; den Zeitraum "
        "stimmen wir gern mit Ihrem Studienplan ab. Sie bekommen eine feste Ansprechperson und "
        "eine Einführung in Sicherheit und Werkzeuge und stellen am Ende Ihre Ergebnisse im "
        "Team vor. Viele Praktikantinnen und Praktikanten kommen später für ihre Abschlussarbeit "
        "zurück.",
        "The internship can be a compulsory or a voluntary one; we are happy to fit the dates to "
        "your study plan. You get a dedicated contact person and an introduction to safety and "
        "tools, and at the end you present your results to the team. Many of our interns come "
        "back later to write their thesis with us.",
    ),
    K.THESIS: (
        "Die Arbeit wird gemeinsam mit Ihrer Hochschule betreut. Sie erhalten einen eigenen "
        "Arbeitsplatz, Zugang zu Labor und Rechentechnik und regelmäßige Treffen mit Ihrer "
        "Betreuerin oder Ihrem Betreuer. Bitte senden Sie Lebenslauf und Notenübersicht.",
        "The thesis is supervised jointly with your university. You get your own desk, access to "
        "the lab and computing resources, and regular meetings with your supervisor. Please send "
        "your CV and transcript.",
    ),
    K.WORKING_STUDENT: (
        "Die Stunden planen Sie flexibel um Vorlesungen und Prüfungen; in den Semesterferien ist "
        "mehr möglich. Sie arbeiten von Anfang an in einem echten Projektteam mit fester "
        "Ansprechperson und lernen die Arbeitswelt der Photonik von innen kennen. Eine "
        "anschließende Abschlussarbeit bei uns ist ausdrücklich erwünscht.",
        "You plan your hours flexibly around lectures and exams; more is possible during the "
        "semester break. From day one you work in a real project team with a dedicated contact "
        "person and get to know the world of photonics from the inside. Writing your thesis "
        "with us afterwards is very welcome.",
    ),
    K.APPRENTICESHIP: (
        "Während der Ausbildung begleitet Sie eine feste Ansprechperson; Lehrgänge und "
        "Prüfungsvorbereitung gehören dazu. Wer gut abschließt, bekommt ein Angebot für eine "
        "Festanstellung – und auf Wunsch Unterstützung auf dem Weg zur Techniker- oder "
        "Meisterschule. Schicken Sie uns Ihren Lebenslauf und Ihre letzten beiden Zeugnisse. Ein "
        "Schnupperpraktikum vorab ist jederzeit möglich – so lernen Sie uns und den Beruf kennen.",
        "Throughout your training a dedicated contact person looks after you; courses and exam "
        "preparation are part of it. If you finish well, you get an offer of permanent "
        "employment — and, if you like, support on the way to technician or master craftsperson "
        "school. Send us your CV and your last two school reports. A taster placement beforehand "
        "is always possible — a chance to get to know us and the trade.",
    ),
    K.PHD: (
        "Die Stelle ist auf drei Jahre befristet; eine Verlängerung bis zum Abschluss ist "
        "möglich. Die Promotion erfolgt an einer Partneruniversität; unsere Graduiertenschule "
        "begleitet Sie mit Kursen, Konferenzreisen und einem Mentoring-Programm. Bitte senden Sie "
        "Lebenslauf, Zeugnisse, ein kurzes Motivationsschreiben und zwei Referenzen.",
        "The position is limited to three years and can be extended until you finish. The "
        "doctorate is awarded by a partner university; our graduate school supports you with "
        "courses, conference travel and a mentoring programme. Please send your CV, certificates, "
        "a short letter of motivation and two references.",
    ),
    K.POSTDOC: (
        "Die Stelle ist zunächst auf zwei Jahre befristet; eine Verlängerung ist vorgesehen. "
        "Bitte senden Sie Lebenslauf, Publikationsliste, eine einseitige Forschungsskizze und "
        "die Kontakte von zwei Referenzen.",
        "The position is initially limited to two years; an extension is planned. Please send "
        "your CV, list of publications, a one-page research statement and the contacts of two "
        "referees.",
    ),
}

# What every posting of a kind offers, before the organisation's own benefits.
KIND_OFFERS: dict[PostingKind, tuple[Pair, ...]] = {
    K.JOB: (
        ("Unbefristeter Arbeitsvertrag", "A permanent contract"),
        ("30 Tage Urlaub", "30 days of annual leave"),
        (
            "Strukturierte Einarbeitung mit Patin oder Pate",
            "Structured onboarding with a mentor",
        ),
        ("Moderne Labore und Ausstattung", "Modern labs and equipment"),
        ("Ein kollegiales Team mit kurzen Wegen", "A friendly team with short decision paths"),
    ),
    K.INTERNSHIP: (
        ("Feste Betreuung und eigener Arbeitsplatz", "A dedicated mentor and a desk of your own"),
        ("Echte Verantwortung statt Kaffeekochen", "Real responsibility, not coffee runs"),
        ("Einblick in alle Abteilungen", "Insight into every department"),
        ("Qualifiziertes Praktikumszeugnis", "A detailed internship reference"),
    ),
    K.THESIS: (
        ("Intensive fachliche Betreuung", "Close academic supervision"),
        ("Zugang zu Labor und Rechentechnik", "Access to labs and computing resources"),
        (
            "Chance auf einen Berufseinstieg nach der Arbeit",
            "A chance of a job after the thesis",
        ),
    ),
    K.WORKING_STUDENT: (
        ("Flexible Arbeitszeiten rund um das Studium", "Flexible hours around your studies"),
        ("Praxiserfahrung für den Lebenslauf", "Hands-on experience for your CV"),
        ("Möglichkeit zur Abschlussarbeit", "The option to write your thesis with us"),
    ),
    K.APPRENTICESHIP: (
        ("Eigene Ausbildungswerkstatt", "A dedicated training workshop"),
        ("Übernahme bei guten Leistungen", "A job offer after successful training"),
        ("Zuschuss zum Deutschlandticket", "A subsidy for the Deutschlandticket"),
        ("Azubi-Projekte und Ausflüge", "Apprentice projects and trips"),
    ),
    K.PHD: (
        ("Betreuung durch erfahrene Forschende", "Supervision by experienced researchers"),
        ("Konferenzreisen und Weiterbildung", "Conference travel and training"),
        ("Internationales Umfeld", "An international environment"),
    ),
    K.POSTDOC: (
        ("Raum für eigene Forschungsideen", "Room for your own research ideas"),
        ("Unterstützung bei Anträgen", "Support with grant applications"),
        ("Internationales Netzwerk", "An international network"),
    ),
}

BENEFIT_OFFERS: dict[Benefit, Pair] = {
    Benefit.FAMILY_FRIENDLY: (
        "Familienfreundliche Arbeitszeiten und Rücksicht auf Ferien",
        "Family-friendly hours and consideration for school holidays",
    ),
    Benefit.FLEXIBLE_HOURS: ("Gleitzeit ohne Kernzeit", "Flexitime without core hours"),
    Benefit.PART_TIME_LEADERSHIP: (
        "Führung in Teilzeit ist bei uns möglich",
        "Part-time leadership is possible here",
    ),
    Benefit.RELOCATION_HELP: (
        "Hilfe beim Umzug, bei Wohnungssuche und Behördengängen",
        "Help with relocation, flat hunting and paperwork",
    ),
    Benefit.CHILDCARE: (
        "Plätze in einer Kita in der Nähe",
        "Places at a day-care centre nearby",
    ),
    Benefit.REMOTE_WORK: ("Mobiles Arbeiten nach Absprache", "Remote work by arrangement"),
    Benefit.TRAINING_BUDGET: (
        "Jährliches Weiterbildungsbudget",
        "An annual training budget",
    ),
    Benefit.PUBLIC_TRANSPORT: (
        "Zuschuss zum Deutschlandticket",
        "A subsidy for the Deutschlandticket",
    ),
    Benefit.COMPANY_PENSION: (
        "Betriebliche Altersvorsorge mit Arbeitgeberzuschuss",
        "A company pension with employer contribution",
    ),
    Benefit.LANGUAGE_COURSES: (
        "Deutsch- und Englischkurse während der Arbeitszeit",
        "German and English courses during working hours",
    ),
}

# How a CEFR level reads in a requirements list.
LEVEL_WORDS: dict[str, Pair] = {
    "A1": ("Grundkenntnisse", "basic"),
    "A2": ("Grundkenntnisse", "basic"),
    "B1": ("solide Kenntnisse", "intermediate"),
    "B2": ("gute Kenntnisse", "good"),
    "C1": ("sehr gute Kenntnisse", "very good"),
    "C2": ("verhandlungssichere Kenntnisse", "fluent"),
}

VISA_OFFER: Pair = (
    "Unterstützung bei Visum und Blauer Karte EU",
    "Support with your visa and EU Blue Card",
)

CITY_POSTCODES: dict[str, str] = {
    "Jena": "07743",
    "Erfurt": "99084",
    "Ilmenau": "98693",
    "Weimar": "99423",
    "Gera": "07545",
    "Suhl": "98527",
    "Saalfeld": "07318",
    "Rudolstadt": "07407",
    "Nordhausen": "99734",
    "Sondershausen": "99706",
    "Mühlhausen": "99974",
    "Eisenach": "99817",
    "Gotha": "99867",
    "Arnstadt": "99310",
    "Apolda": "99510",
}

# Second sites an organisation may advertise (same firm, another town).
SECOND_SITES: dict[str, tuple[str, ...]] = {
    "lichtwerk-optik-demo": ("Apolda",),
    "optosens-erfurt-demo": ("Arnstadt", "Gotha"),
    "feinoptik-saalfeld-demo": ("Rudolstadt",),
    "iap-jena-demo": ("Erfurt",),
    "tu-thueringer-wald-demo": ("Suhl",),
    "medoptic-weimar-demo": ("Jena",),
    "ausbildungsverbund-nordthueringen-demo": ("Sondershausen", "Mühlhausen"),
    "suhler-praezision-demo": ("Eisenach",),
}

REJECTION_REASONS: tuple[str, ...] = (
    "Die Anzeige nennt weder ein Gehalt noch eine Entgeltgruppe. Bitte ergänzen Sie eine "
    "Gehaltsspanne (Entgelttransparenz) und reichen Sie die Anzeige erneut ein.",
    "Die Formulierung „junges, dynamisches Team gesucht“ kann ältere Bewerbende ausschließen "
    "(AGG). Bitte passen Sie den Text an.",
)
