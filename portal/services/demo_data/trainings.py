"""Fictional demo training courses of the cluster (provider None) and its demo members.

Each course has texts in one or both languages; `sessions` are (day offset from today, local
start hour, duration in hours). Funding hints are invented examples and say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from portal.models import CourseFormat, CourseStatus

F = CourseFormat
S = CourseStatus


@dataclass(frozen=True)
class CourseText:
    title: str
    summary: str
    body: str
    target_group: str
    funding_hints: str = ""


@dataclass(frozen=True)
class CourseSpec:
    key: str
    provider: str | None  # organisation slug, None = the cluster itself
    format: CourseFormat
    language: str
    sessions: tuple[tuple[int, int, float], ...]
    de: CourseText | None = None
    en: CourseText | None = None
    city: str | None = None
    venue: str | None = None
    fee: Decimal | None = None
    capacity: int | None = None
    status: CourseStatus = S.PUBLISHED
    promoted_days: int | None = None
    registration_path: str = ""

    @property
    def match_title(self) -> str:
        """The title that identifies the course when the seed runs again."""
        text = self.de or self.en
        assert text is not None, f"course {self.key} has no text"
        return text.title


FUNDING_DE = (
    "Förderfähig über den Weiterbildungsbonus Thüringen (Demo-Angabe: fiktives "
    "Förderprogramm). Mitglieder des Clusters erhalten 20 % Rabatt."
)
FUNDING_EN = (
    "Eligible for the Thuringian training bonus (demo entry: fictional funding programme). "
    "Cluster members get a 20 % discount."
)

COURSES: tuple[CourseSpec, ...] = (
    CourseSpec(
        key="laser-safety-officer",
        provider=None,
        format=F.ONSITE,
        language="de",
        city="Jena",
        venue="Technologie- und Innovationspark Jena, Seminarraum 2 (Demo)",
        sessions=((9, 9, 7.5), (10, 9, 6)),
        fee=Decimal("690.00"),
        capacity=20,
        promoted_days=30,
        registration_path="laserschutz",
        de=CourseText(
            title="Laserschutzbeauftragte*r – Grundkurs",
            summary=(
                "Zweitägiger Kurs mit Prüfung: Sie werden Laserschutzbeauftragte*r für Labore "
                "und Fertigung mit Lasern der Klassen 3R, 3B und 4."
            ),
            body="""\
In zwei Tagen lernen Sie alles, was Laserschutzbeauftragte wissen müssen:

- physikalische Grundlagen und biologische Wirkung von Laserstrahlung
- Gefährdungsbeurteilung, Expositionsgrenzwerte und Laserklassen
- Schutzmaßnahmen: technisch, organisatorisch, persönlich
- Rechtliche Grundlagen und Pflichten im Betrieb
- Übungen mit Laserschutzbrillen und Beispielen aus Labor und Fertigung

Am Ende des zweiten Tages steht eine schriftliche Prüfung; mit Bestehen erhalten Sie eine
Teilnahmebescheinigung.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group=(
                "Beschäftigte in Laboren und Fertigung, Doktorandinnen und Doktoranden, "
                "Sicherheitsfachkräfte"
            ),
            funding_hints=FUNDING_DE,
        ),
    ),
    CourseSpec(
        key="optical-design-intro",
        provider="iap-jena-demo",
        format=F.HYBRID,
        language="de",
        city="Jena",
        venue="Institut für Angewandte Photonik Jena (Demo), Hörsaal",
        sessions=((21, 13, 4), (28, 13, 4), (35, 13, 4)),
        fee=Decimal("1250.00"),
        capacity=16,
        registration_path="optikdesign",
        de=CourseText(
            title="Einführung in das Optikdesign mit Raytracing-Software",
            summary=(
                "Drei Nachmittage von der Linse bis zum Objektiv: Grundlagen, Optimierung und "
                "Tolerierung an praktischen Beispielen."
            ),
            body="""\
Der Kurs führt Ingenieurinnen und Ingenieure in das rechnergestützte Optikdesign ein.

1. **Grundlagen:** paraxiale Optik, Aberrationen, Bewertungsgrößen wie MTF und Spotdiagramm
2. **Optimierung:** Merit-Funktionen, Variablen, Glaswahl
3. **Tolerierung:** Sensitivitäten, Monte-Carlo-Analysen, Fertigbarkeit

Sie arbeiten an eigenen Übungsaufgaben. Die Teilnahme ist vor Ort oder online möglich; eine
Testlizenz der Software stellen wir für die Kursdauer bereit.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Ingenieur*innen und Physiker*innen ohne Vorkenntnisse im Optikdesign",
            funding_hints=FUNDING_DE,
        ),
        en=CourseText(
            title="Introduction to optical design with ray-tracing software",
            summary=(
                "Three afternoons from a single lens to a complete objective: basics, "
                "optimisation and tolerancing with practical examples. Taught in German."
            ),
            body="""\
The course introduces engineers to computer-aided optical design. It is taught in German; the
exercise material is available in English.

1. **Basics:** paraxial optics, aberrations, MTF and spot diagrams
2. **Optimisation:** merit functions, variables, glass selection
3. **Tolerancing:** sensitivities, Monte Carlo analyses, manufacturability

Join on site or online; a trial licence of the software is provided for the duration of the
course.

_Demo course: fictional offer for demonstrating the portal._""",
            target_group="Engineers and physicists new to optical design",
            funding_hints=FUNDING_EN,
        ),
    ),
    CourseSpec(
        key="interferometry-practice",
        provider="fpm-ilmenau-demo",
        format=F.ONSITE,
        language="en",
        city="Ilmenau",
        venue="Forschungszentrum für Photonische Mikrosysteme Ilmenau (Demo), Messlabor",
        sessions=((45, 9, 7), (46, 9, 7)),
        fee=Decimal("890.00"),
        capacity=12,
        registration_path="interferometry",
        en=CourseText(
            title="Optical metrology: interferometry in practice",
            summary=(
                "Two hands-on days in our metrology lab: Fizeau and white-light interferometry, "
                "evaluation and typical pitfalls."
            ),
            body="""\
Interferometry is the backbone of precision optics testing. In small groups you will:

- set up and align a Fizeau interferometer
- measure flats, spheres and aspheres
- evaluate results with Zernike polynomials and understand the uncertainties
- use white-light interferometry for roughness and step heights

Bring your own parts to measure if you like.

_Demo course: fictional offer for demonstrating the portal._""",
            target_group="Engineers and technicians in optics manufacturing and quality assurance",
            funding_hints="Eligible for cluster member discounts (demo entry).",
        ),
    ),
    CourseSpec(
        key="leadership-part-time-women",
        provider=None,
        format=F.HYBRID,
        language="de",
        city="Erfurt",
        venue="Coworking am Anger, Erfurt (Demo)",
        sessions=((14, 9, 6), (42, 9, 6), (70, 9, 6), (98, 9, 6)),
        capacity=14,
        promoted_days=45,
        registration_path="fuehren-in-teilzeit",
        de=CourseText(
            title="Führen in Teilzeit – Leadership-Programm für Frauen in der Photonik",
            summary=(
                "Vier Module über vier Monate: für Frauen, die in der Photonik Führung übernehmen "
                "wollen – auch in Teilzeit oder im Tandem. Kostenfrei für Mitglieder."
            ),
            body="""\
Mehr Frauen in Führung ist eines der Ziele des Clusters. Das Programm begleitet Sie in vier
Modulen:

1. **Rolle und Haltung:** Was Führung in Teilzeit ausmacht
2. **Kommunikation:** schwierige Gespräche, Feedback, Verhandeln
3. **Organisation:** Tandem-Modelle, Delegation, Prioritäten
4. **Netzwerk:** Austausch mit Führungskräften aus Mitgliedsunternehmen

Zwischen den Modulen arbeiten Sie in Peer-Gruppen. Für Kinderbetreuung während der
Präsenztermine ist gesorgt.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group=(
                "Frauen mit oder kurz vor der ersten Führungsaufgabe in Mitgliedsorganisationen"
            ),
            funding_hints=(
                "Kostenfrei dank Förderung aus dem Programm „Frauen in Führung Thüringen“ "
                "(Demo-Angabe: fiktives Programm)."
            ),
        ),
    ),
    CourseSpec(
        key="python-for-photonics",
        provider=None,
        format=F.ONLINE,
        language="en",
        sessions=((7, 17, 2), (14, 17, 2), (21, 17, 2), (28, 17, 2), (35, 17, 2), (42, 17, 2)),
        fee=Decimal("480.00"),
        capacity=30,
        registration_path="python-photonics",
        en=CourseText(
            title="Python for photonics engineers",
            summary=(
                "Six online evenings: automate measurements, analyse data and plot results with "
                "Python, NumPy and Matplotlib."
            ),
            body="""\
Stop copying numbers into spreadsheets. In six live online sessions you learn to:

- read data from instruments and files
- analyse spectra, beam profiles and images with NumPy and SciPy
- fit models and estimate uncertainties
- make clear plots and reproducible reports

Every session ends with an exercise from everyday lab life. No prior programming experience
needed.

_Demo course: fictional offer for demonstrating the portal._""",
            target_group="Engineers, technicians and scientists in photonics",
            funding_hints=FUNDING_EN,
        ),
        de=CourseText(
            title="Python für Ingenieur*innen in der Photonik",
            summary=(
                "Sechs Online-Abende: Messungen automatisieren, Daten auswerten und Ergebnisse "
                "darstellen mit Python. Kurssprache Englisch."
            ),
            body="""\
Schluss mit dem Kopieren von Zahlen in Tabellen. In sechs Live-Sitzungen (auf Englisch) lernen
Sie:

- Daten aus Geräten und Dateien einzulesen
- Spektren, Strahlprofile und Bilder mit NumPy und SciPy auszuwerten
- Modelle anzupassen und Unsicherheiten abzuschätzen
- klare Diagramme und reproduzierbare Berichte zu erstellen

Programmierkenntnisse sind nicht nötig.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Ingenieur*innen, Techniker*innen und Forschende in der Photonik",
            funding_hints=FUNDING_DE,
        ),
    ),
    CourseSpec(
        key="clean-room-basics",
        provider="duennschicht-gera-demo",
        format=F.ONSITE,
        language="de",
        city="Gera",
        venue="Dünnschichttechnik Gera GmbH (Demo), Schulungsraum",
        sessions=((18, 8, 7),),
        fee=Decimal("290.00"),
        capacity=10,
        registration_path="reinraum",
        de=CourseText(
            title="Reinraum-Grundlagen für Quereinsteigende",
            summary=(
                "Ein Tag Reinraumpraxis: Verhalten, Einkleiden, Reinigung optischer Bauteile und "
                "typische Kontaminationsquellen."
            ),
            body="""\
Für alle, die neu im Reinraum arbeiten oder dorthin wechseln wollen:

- Reinraumklassen und warum Partikel zählen
- richtiges Einkleiden und Verhalten
- Reinigung und Handhabung optischer Bauteile
- Kontaminationsquellen erkennen und vermeiden

Mit praktischem Teil in unserem Reinraum.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Quereinsteigende, neue Mitarbeitende und Auszubildende",
            funding_hints=FUNDING_DE,
        ),
    ),
    CourseSpec(
        key="quantum-for-engineers",
        provider="zqs-erfurt-demo",
        format=F.ONLINE,
        language="en",
        sessions=((30, 14, 3), (37, 14, 3), (44, 14, 3)),
        capacity=80,
        registration_path="quantum-engineers",
        en=CourseText(
            title="Quantum technologies for engineers",
            summary=(
                "Three free online afternoons: what quantum sensors, clocks and communication can "
                "do — and what engineers need to build them."
            ),
            body="""\
Quantum technology is leaving the lab. This series explains it without heavy maths:

1. Superposition, entanglement and why they are useful
2. Quantum sensors and clocks: principles and applications
3. Quantum communication: from QKD to networks

Each session includes a live lab tour and time for questions.

_Demo course: fictional offer for demonstrating the portal._""",
            target_group="Engineers and managers in optics, electronics and software",
            funding_hints="Free of charge (demo entry).",
        ),
        de=CourseText(
            title="Quantentechnologien für Ingenieur*innen",
            summary=(
                "Drei kostenlose Online-Nachmittage (auf Englisch) über Quantensensoren, Uhren "
                "und Kommunikation."
            ),
            body="""\
Quantentechnologie verlässt das Labor. Die Reihe erklärt sie ohne viel Mathematik – mit
Laborführung und Zeit für Fragen. Kurssprache ist Englisch.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Ingenieur*innen und Führungskräfte aus Optik, Elektronik und Software",
            funding_hints="Kostenfrei (Demo-Angabe).",
        ),
    ),
    CourseSpec(
        key="application-workshop-international",
        provider=None,
        format=F.ONLINE,
        language="en",
        sessions=((12, 16, 3),),
        capacity=40,
        registration_path="apply-in-germany",
        en=CourseText(
            title="Applying in Germany: workshop for international professionals",
            summary=(
                "A free online workshop: how German job ads and applications work, what "
                "employers expect and how to present your experience."
            ),
            body="""\
Coming from abroad? This workshop covers:

- reading German job ads: (m/w/d), TV-L pay groups, Probezeit
- CV and cover letter the German way — and what you can leave out
- interviews, salary talks and references
- where to find official information on visas and recognition

With HR staff from member companies and institutes.

_Demo course: fictional offer for demonstrating the portal._""",
            target_group="International students, graduates and professionals",
            funding_hints="Free of charge (demo entry).",
        ),
    ),
    CourseSpec(
        key="trainer-workshop-apprentices",
        provider="feinoptik-saalfeld-demo",
        format=F.ONSITE,
        language="de",
        city="Saalfeld",
        venue="Feinoptik Saalfeld GmbH (Demo), Ausbildungswerkstatt",
        sessions=((55, 9, 6),),
        fee=Decimal("150.00"),
        capacity=15,
        registration_path="ausbilder-workshop",
        de=CourseText(
            title="Ausbilder-Workshop: Azubis für die Feinoptik gewinnen und halten",
            summary=(
                "Praxisworkshop für Ausbildende: Ausbildungsmarketing, Onboarding und wie "
                "Azubis bis zum Abschluss dabeibleiben."
            ),
            body="""\
Immer weniger Bewerbungen, immer mehr Abbrüche? Im Workshop teilen Ausbilderinnen und
Ausbilder aus dem Cluster, was funktioniert:

- Schulkooperationen, Praktika und soziale Medien
- die ersten hundert Tage der Ausbildung
- Lernbegleitung und Prüfungsvorbereitung
- Azubis mit Migrationsgeschichte gut begleiten

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Ausbilder*innen und Personalverantwortliche",
            funding_hints=FUNDING_DE,
        ),
    ),
    CourseSpec(
        key="biophotonics-compact",
        provider="medoptic-weimar-demo",
        format=F.ONSITE,
        language="de",
        city="Weimar",
        venue="MedOptic Weimar GmbH (Demo), Applikationszentrum",
        sessions=((63, 9, 7), (64, 9, 5)),
        fee=Decimal("740.00"),
        capacity=18,
        registration_path="biophotonik",
        de=CourseText(
            title="Biophotonik kompakt: Raman- und Fluoreszenzmethoden",
            summary=(
                "Zwei Tage Überblick über optische Diagnostik in der Medizin – mit Geräten zum "
                "Anfassen und Beispielen aus der Klinik."
            ),
            body="""\
Optische Verfahren verändern die Diagnostik. Der Kurs gibt einen kompakten Überblick:

- Fluoreszenzbildgebung in der Chirurgie
- Raman-Spektroskopie für die Gewebeanalyse
- Datenauswertung und maschinelles Lernen
- regulatorische Anforderungen an Medizinprodukte

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Ingenieur*innen, Naturwissenschaftler*innen, Medizinphysik",
            funding_hints=FUNDING_DE,
        ),
        en=CourseText(
            title="Biophotonics in brief: Raman and fluorescence methods",
            summary=(
                "Two days on optical diagnostics in medicine — with hands-on devices and clinical "
                "examples. Taught in German, English slides."
            ),
            body="""\
Optical methods are changing diagnostics. The course is taught in German with English slides:

- fluorescence imaging in surgery
- Raman spectroscopy for tissue analysis
- data analysis and machine learning
- regulatory requirements for medical devices

_Demo course: fictional offer for demonstrating the portal._""",
            target_group="Engineers, scientists, medical physicists",
            funding_hints=FUNDING_EN,
        ),
    ),
    CourseSpec(
        key="fibre-lasers-materials-processing",
        provider="saale-laser-demo",
        format=F.ONSITE,
        language="de",
        city="Jena",
        venue="Saale Laser Systems GmbH (Demo), Applikationslabor",
        sessions=((80, 9, 7),),
        fee=Decimal("390.00"),
        capacity=12,
        status=S.DRAFT,
        registration_path="faserlaser",
        de=CourseText(
            title="Faserlaser in der Materialbearbeitung",
            summary="Ein Praxistag zu Schneiden, Schweißen und Mikrostrukturieren mit Faserlasern.",
            body="""\
Vom Prinzip des Faserlasers bis zur Prozessoptimierung – mit Vorführungen im
Applikationslabor.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Fertigungsingenieur*innen und Technolog*innen",
        ),
    ),
    CourseSpec(
        key="technical-english-optics",
        provider=None,
        format=F.ONLINE,
        language="en",
        sessions=tuple((3 + 7 * week, 16, 1.5) for week in range(8)),
        fee=Decimal("320.00"),
        capacity=12,
        registration_path="technical-english",
        de=CourseText(
            title="Technisches Englisch für die Optikfertigung",
            summary=(
                "Acht Online-Sitzungen: Zeichnungen, Spezifikationen und Gespräche mit Kunden "
                "auf Englisch – ab Niveau B1."
            ),
            body="""\
Der Kurs trainiert das Englisch, das Sie in Fertigung und Qualität brauchen:

- Fachbegriffe aus Optik und Messtechnik
- Zeichnungen und Spezifikationen nach ISO 10110 erklären
- Reklamationen und Telefonate mit Kunden
- E-Mails kurz und klar schreiben

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Fachkräfte aus Fertigung, Qualität und Vertrieb mit Englisch ab B1",
            funding_hints=FUNDING_DE,
        ),
    ),
    CourseSpec(
        key="coating-fundamentals",
        provider="lichtwerk-optik-demo",
        format=F.HYBRID,
        language="de",
        city="Jena",
        venue="Lichtwerk Optik GmbH (Demo), Schulungszentrum",
        sessions=((33, 9, 7), (34, 9, 7)),
        fee=Decimal("950.00"),
        capacity=20,
        status=S.CANCELLED,
        registration_path="beschichtung",
        de=CourseText(
            title="Grundlagen optischer Beschichtungen",
            summary=(
                "Abgesagt: Der Kurs entfällt in diesem Halbjahr und wird im nächsten Jahr neu "
                "angeboten."
            ),
            body="""\
**Dieser Termin ist abgesagt.** Angemeldete Teilnehmende wurden informiert.

Inhalte: Interferenz an dünnen Schichten, Schichtdesign, Beschichtungsverfahren und
Spektralmesstechnik.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Ingenieur*innen und Techniker*innen",
        ),
        en=CourseText(
            title="Fundamentals of optical coatings",
            summary="Cancelled: the course will not run this half-year and will be offered again.",
            body="""\
**This date is cancelled.** Registered participants have been informed.

Topics: thin-film interference, coating design, deposition methods and spectral metrology.

_Demo course: fictional offer for demonstrating the portal._""",
            target_group="Engineers and technicians",
        ),
    ),
    CourseSpec(
        key="school-light-for-life",
        provider="tu-thueringer-wald-demo",
        format=F.ONSITE,
        language="en",
        city="Ilmenau",
        venue="Technische Universität Thüringer Wald (Demo), Campus",
        sessions=tuple((110 + day, 9, 8) for day in range(5)),
        fee=Decimal("250.00"),
        capacity=40,
        registration_path="light-for-life",
        en=CourseText(
            title='International school "Light for Life"',
            summary=(
                "Five days of lectures, lab projects and company visits on photonics for health "
                "and environment — for master's students and doctoral researchers."
            ),
            body="""\
Spend a week in the Thuringian Forest with photonics researchers from across Europe:

- lectures on biophotonics, environmental sensing and lighting
- small-group lab projects
- visits to member companies
- poster session and career evening

Accommodation in the guest house is included in the fee.

_Demo course: fictional offer for demonstrating the portal._""",
            target_group="Master's students and doctoral researchers in optics and photonics",
            funding_hints="Travel grants for students from outside the EU (demo entry).",
        ),
    ),
    CourseSpec(
        key="selling-photonics",
        provider="netzwerk-optik-thueringen-demo",
        format=F.ONSITE,
        language="de",
        city="Erfurt",
        venue="Netzwerk Optische Technologien Thüringen e. V. (Demo), Tagungsraum",
        sessions=((-40, 9, 7),),
        fee=Decimal("420.00"),
        capacity=16,
        status=S.ARCHIVED,
        registration_path="vertrieb",
        de=CourseText(
            title="Vertrieb erklärungsbedürftiger Photonikprodukte",
            summary=(
                "Vergangener Termin: Technischer Vertrieb von der Bedarfsanalyse zum Abschluss."
            ),
            body="""\
Wie verkauft man ein Produkt, das der Kunde erst verstehen muss? Bedarfsanalyse,
Nutzenargumentation und Angebotsgespräche mit Beispielen aus der Photonik.

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Vertriebsmitarbeitende und Applikationsingenieur*innen",
        ),
    ),
    CourseSpec(
        key="ai-visual-inspection",
        provider="hs-ostthueringen-demo",
        format=F.HYBRID,
        language="de",
        city="Gera",
        venue="Hochschule Ostthüringen für Technik und Gestaltung (Demo), Labor Bildverarbeitung",
        sessions=((50, 10, 5), (57, 10, 5)),
        fee=Decimal("560.00"),
        capacity=14,
        status=S.SUBMITTED,
        registration_path="ki-pruefung",
        de=CourseText(
            title="KI-gestützte Bildverarbeitung in der Qualitätsprüfung",
            summary=(
                "Zwei Tage: Wie neuronale Netze Fehler auf optischen Bauteilen erkennen – und "
                "wann klassische Verfahren besser sind."
            ),
            body="""\
Aus der Praxis für die Praxis:

- Beleuchtung und Kamera richtig wählen
- klassische Bildverarbeitung vs. Deep Learning
- Trainingsdaten erzeugen und annotieren
- Validierung und Einführung in die Fertigung

_Demo-Kurs: fiktives Angebot zur Vorführung des Portals._""",
            target_group="Qualitätsingenieur*innen, Automatisierungstechniker*innen",
            funding_hints=FUNDING_DE,
        ),
    ),
)
