"""Posting templates ("roles") for the demo data: one demo posting per (role, organisation).

Texts are pairs `(German, English)`. `{org}` and `{city}` are filled in by the generator. Roles
are fictional but written like the postings of the Thuringian photonics industry.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.models import Employment, PostingKind, Remote

Pair = tuple[str, str]

# Organisation slugs (see organisations.py), short so the tables below stay readable.
LW = "lichtwerk-optik-demo"
SL = "saale-laser-demo"
IAP = "iap-jena-demo"
FPM = "fpm-ilmenau-demo"
ZQS = "zqs-erfurt-demo"
TU = "tu-thueringer-wald-demo"
HSO = "hs-ostthueringen-demo"
QX = "quantix-photonics-demo"
SG = "spektralgruen-demo"
NF = "nanofacet-demo"
OS = "optosens-erfurt-demo"
FS = "feinoptik-saalfeld-demo"
SP = "suhler-praezision-demo"
DG = "duennschicht-gera-demo"
MO = "medoptic-weimar-demo"
FL = "faserlicht-rudolstadt-demo"
SW = "sternwerk-optics-demo"
NW = "netzwerk-optik-thueringen-demo"
AV = "ausbildungsverbund-nordthueringen-demo"


@dataclass(frozen=True)
class Role:
    key: str
    kind: PostingKind
    topics: tuple[str, ...]
    orgs: tuple[str, ...]
    titles: tuple[Pair, ...]
    summary: Pair
    intro: Pair
    tasks: tuple[Pair, ...]
    requirements: tuple[Pair, ...]
    salary: tuple[int, int] | None = None  # yearly, for private employers
    scale: str | None = None  # TV-L grade, for institutes and universities
    employment: tuple[Employment, ...] = (Employment.FULL_TIME,)
    remote: tuple[Remote, ...] = (Remote.ONSITE,)
    leadership: bool = False
    abroad: tuple[tuple[str, str, str], ...] = ()  # (city, postcode, country) per org, in order


J = PostingKind.JOB
FT, PT, EITHER = Employment.FULL_TIME, Employment.PART_TIME, Employment.EITHER
ONSITE, HYBRID, REMOTE = Remote.ONSITE, Remote.HYBRID, Remote.REMOTE

JOBS: tuple[Role, ...] = (
    Role(
        key="laser-development-engineer",
        kind=J,
        topics=("laser-technology", "optical-design"),
        orgs=(SL, FL),
        titles=(
            (
                "Entwicklungsingenieur Lasertechnik (m/w/d)",
                "Development Engineer Laser Technology (m/f/d)",
            ),
            ("Entwicklungsingenieur*in Laserentwicklung", "Laser Development Engineer (m/f/d)"),
        ),
        summary=(
            "Sie entwickeln die nächste Generation unserer Ultrakurzpuls- und Faserlaser – vom "
            "Konzept über den Laboraufbau bis zur Serienreife.",
            "Develop the next generation of our ultrafast and fibre lasers — from concept and lab "
            "set-up to series production.",
        ),
        intro=(
            "Bei {org} in {city} entstehen Laserquellen, die weltweit in Forschung und Industrie "
            "arbeiten. Für unser Entwicklungsteam suchen wir Verstärkung, die physikalisches "
            "Verständnis mit Freude am Aufbau im Labor verbindet.",
            "At {org} in {city} we build laser sources that are used in research and industry "
            "around the world. Our development team is looking for someone who combines a sound "
            "grasp of physics with the joy of building things in the lab.",
        ),
        tasks=(
            (
                "Auslegung von Oszillatoren und Verstärkerstufen mit Simulationswerkzeugen",
                "Design of oscillators and amplifier stages with simulation tools",
            ),
            (
                "Aufbau und Charakterisierung von Prototypen im Laserlabor",
                "Building and characterising prototypes in the laser lab",
            ),
            (
                "Überführung neuer Module in die Fertigung gemeinsam mit Produktion und Qualität",
                "Transferring new modules into production together with manufacturing and QA",
            ),
            (
                "Analyse von Ausfällen und Verbesserung der Zuverlässigkeit",
                "Failure analysis and reliability improvements",
            ),
            (
                "Technische Dokumentation und Unterstützung des Vertriebs bei Kundenprojekten",
                "Technical documentation and support for sales in customer projects",
            ),
        ),
        requirements=(
            (
                "Abgeschlossenes Studium der Physik, Photonik oder Elektrotechnik",
                "Degree in physics, photonics or electrical engineering",
            ),
            (
                "Erfahrung im Aufbau von Lasern oder optischen Verstärkern",
                "Hands-on experience building lasers or optical amplifiers",
            ),
            (
                "Kenntnisse in nichtlinearer Optik und Pulsmesstechnik",
                "Knowledge of nonlinear optics and pulse characterisation",
            ),
            (
                "Sicherer Umgang mit Python oder MATLAB zur Datenauswertung",
                "Confident use of Python or MATLAB for data analysis",
            ),
            (
                "Strukturierte Arbeitsweise und Freude an Teamarbeit",
                "A structured way of working and enjoyment of teamwork",
            ),
        ),
        salary=(58000, 76000),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="optical-designer",
        kind=J,
        topics=("optical-design", "precision-optics"),
        orgs=(LW, SW, MO),
        titles=(
            ("Optikdesigner*in", "Optical Designer (m/f/d)"),
            (
                "Optikdesigner (m/w/d) Objektive und Freiformoptik",
                "Optical Designer Lenses and Freeforms",
            ),
        ),
        summary=(
            "Sie rechnen Objektive, Beleuchtungen und Freiformsysteme und begleiten Ihre "
            "Designs bis zur gefertigten und geprüften Optik.",
            "Design lenses, illumination systems and freeform optics, and follow your designs "
            "all the way to the manufactured and tested part.",
        ),
        intro=(
            "{org} sucht für die Optikentwicklung in {city} eine Designerin oder einen Designer, "
            "die oder der Systeme ganzheitlich denkt: von der Spezifikation über Toleranzen bis "
            "zur Fertigbarkeit.",
            "{org} is looking for an optical designer in {city} who thinks in whole systems: "
            "from specification and tolerancing to manufacturability.",
        ),
        tasks=(
            (
                "Design und Optimierung abbildender und beleuchtender Optiken",
                "Design and optimisation of imaging and illumination optics",
            ),
            (
                "Toleranzanalysen und Abstimmung mit Fertigung und Montage",
                "Tolerance analysis and alignment with manufacturing and assembly",
            ),
            (
                "Streulicht- und Geisterbildanalysen",
                "Stray-light and ghost-image analyses",
            ),
            (
                "Spezifikation von Prüfverfahren gemeinsam mit der Messtechnik",
                "Specifying test procedures together with the metrology team",
            ),
            (
                "Technische Beratung von Kunden in frühen Projektphasen",
                "Technical advice to customers in early project phases",
            ),
        ),
        requirements=(
            (
                "Studium der Physik, Optik oder Optotechnik",
                "Degree in physics, optics or optical engineering",
            ),
            (
                "Mehrjährige Erfahrung mit einer gängigen Optikdesign-Software",
                "Several years of experience with a common optical design package",
            ),
            (
                "Wissen über Fertigungsverfahren und Toleranzen optischer Komponenten",
                "Knowledge of manufacturing processes and tolerances of optical components",
            ),
            (
                "Erfahrung mit Freiformflächen ist ein Plus",
                "Experience with freeform surfaces is a plus",
            ),
            (
                "Gute Kommunikationsfähigkeit im Kontakt mit Kunden",
                "Good communication skills in contact with customers",
            ),
        ),
        salary=(60000, 80000),
        employment=(FT, EITHER),
        remote=(HYBRID,),
    ),
    Role(
        key="software-image-processing",
        kind=J,
        topics=("imaging", "software-embedded"),
        orgs=(MO, SG, LW, OS),
        titles=(
            (
                "Software Engineer Image Processing (m/w/d)",
                "Software Engineer Image Processing (m/f/d)",
            ),
            (
                "Softwareentwickler*in Bildverarbeitung (C++/Python)",
                "Software Developer Computer Vision (C++/Python)",
            ),
        ),
        summary=(
            "Sie entwickeln Algorithmen und Software, die aus Kamerabildern verlässliche "
            "Messwerte und Diagnosen machen.",
            "Build algorithms and software that turn camera images into reliable measurements "
            "and diagnoses.",
        ),
        intro=(
            "Unsere Systeme bei {org} liefern Bilddaten – Ihre Software macht daraus Ergebnisse. "
            "Im Team in {city} arbeiten Physik, Optik und Informatik eng zusammen.",
            "Our systems at {org} produce image data — your software turns it into results. In "
            "our team in {city}, physics, optics and computer science work side by side.",
        ),
        tasks=(
            (
                "Entwicklung von Bildverarbeitungs-Pipelines in C++ und Python",
                "Developing image-processing pipelines in C++ and Python",
            ),
            (
                "Kalibrierung von Kameras und Korrektur optischer Fehler",
                "Camera calibration and correction of optical aberrations",
            ),
            (
                "Training und Validierung von Modellen des maschinellen Lernens",
                "Training and validating machine-learning models",
            ),
            (
                "Optimierung für Echtzeit auf GPU und Embedded-Hardware",
                "Real-time optimisation on GPUs and embedded hardware",
            ),
            (
                "Code-Reviews, automatisierte Tests und saubere Dokumentation",
                "Code reviews, automated tests and clear documentation",
            ),
        ),
        requirements=(
            (
                "Studium der Informatik, Physik, Mathematik oder Vergleichbares",
                "Degree in computer science, physics, mathematics or similar",
            ),
            (
                "Sehr gute Kenntnisse in modernem C++ oder Python",
                "Strong skills in modern C++ or Python",
            ),
            (
                "Erfahrung mit OpenCV, NumPy oder vergleichbaren Bibliotheken",
                "Experience with OpenCV, NumPy or similar libraries",
            ),
            (
                "Grundverständnis der optischen Abbildung",
                "A basic understanding of optical imaging",
            ),
            ("Erfahrung mit Git und CI-Pipelines", "Experience with Git and CI pipelines"),
        ),
        salary=(56000, 74000),
        employment=(FT, EITHER),
        remote=(HYBRID, REMOTE),
    ),
    Role(
        key="precision-optician",
        kind=J,
        topics=("precision-optics", "production-quality"),
        orgs=(LW, FS, SP),
        titles=(
            (
                "Feinoptiker (m/w/d) für die Linsenfertigung",
                "Precision Optician (m/f/d) Lens Manufacturing",
            ),
            ("Feinoptiker*in CNC-Politur", "Precision Optician CNC Polishing (m/f/d)"),
        ),
        summary=(
            "Sie fertigen Linsen, Prismen und Spiegel an modernen CNC-Schleif- und "
            "Poliermaschinen und prüfen die Qualität selbst.",
            "Manufacture lenses, prisms and mirrors on modern CNC grinding and polishing "
            "machines and check the quality yourself.",
        ),
        intro=(
            "In der Fertigung von {org} in {city} entstehen Präzisionsoptiken in Stückzahlen von "
            "eins bis zehntausend. Wir suchen eine Fachkraft, die Handwerk und moderne Technik "
            "verbindet.",
            "In the production of {org} in {city} we make precision optics in batches from one "
            "to ten thousand. We are looking for a skilled professional who combines "
            "craftsmanship with modern technology.",
        ),
        tasks=(
            (
                "Einrichten und Bedienen von CNC-Schleif- und Poliermaschinen",
                "Setting up and operating CNC grinding and polishing machines",
            ),
            (
                "Prüfen von Form und Oberfläche mit Interferometer und Profilometer",
                "Testing form and surface with interferometers and profilometers",
            ),
            (
                "Kitten, Zentrieren und Reinigen optischer Bauteile",
                "Cementing, centring and cleaning optical components",
            ),
            (
                "Dokumentation der Prüfergebnisse im Fertigungssystem",
                "Recording test results in the production system",
            ),
            (
                "Mitarbeit an der Verbesserung von Prozessen und Werkzeugen",
                "Helping to improve processes and tools",
            ),
        ),
        requirements=(
            (
                "Abgeschlossene Ausbildung als Feinoptiker*in oder vergleichbar",
                "Completed training as a precision optician or similar",
            ),
            (
                "Erfahrung an CNC-Maschinen in der Optikfertigung",
                "Experience with CNC machines in optics manufacturing",
            ),
            ("Sorgfalt und ein gutes Auge für Details", "Care and an eye for detail"),
            (
                "Bereitschaft zur Arbeit im Zweischichtsystem",
                "Willingness to work in two shifts",
            ),
            (
                "Interesse an Weiterbildung, etwa zum Industriemeister",
                "Interest in further training, for example as a master craftsperson",
            ),
        ),
        salary=(38000, 48000),
        employment=(FT, EITHER),
    ),
    Role(
        key="thin-film-process-engineer",
        kind=J,
        topics=("optical-coatings", "production-quality"),
        orgs=(DG, LW, FS),
        titles=(
            (
                "Prozessingenieur Dünnschichttechnik (m/w/d)",
                "Process Engineer Thin-Film Coating (m/f/d)",
            ),
            (
                "Prozessingenieur*in Optische Beschichtung",
                "Process Engineer Optical Coatings (m/f/d)",
            ),
        ),
        summary=(
            "Sie verantworten Beschichtungsprozesse für Antireflex- und Laserspiegelschichten "
            "und bringen neue Schichtsysteme in die Serie.",
            "Own the coating processes for anti-reflection and laser-mirror coatings and bring "
            "new layer systems into series production.",
        ),
        intro=(
            "Ohne gute Schichten keine gute Optik: Bei {org} in {city} entwickeln und fertigen "
            "wir Beschichtungen für anspruchsvolle Anwendungen von UV bis Infrarot.",
            "Good optics need good coatings: at {org} in {city} we develop and produce coatings "
            "for demanding applications from the UV to the infrared.",
        ),
        tasks=(
            (
                "Entwicklung und Optimierung von Aufdampf- und Sputterprozessen",
                "Developing and optimising evaporation and sputtering processes",
            ),
            (
                "Design von Schichtsystemen mit Dünnschicht-Software",
                "Designing layer stacks with thin-film software",
            ),
            (
                "Spektrale Charakterisierung und Messung der Zerstörschwelle",
                "Spectral characterisation and laser damage threshold testing",
            ),
            (
                "Statistische Prozesskontrolle und Ursachenanalyse bei Abweichungen",
                "Statistical process control and root-cause analysis",
            ),
            (
                "Betreuung der Anlagen gemeinsam mit der Instandhaltung",
                "Looking after the coating plants together with maintenance",
            ),
        ),
        requirements=(
            (
                "Studium der Physik, Werkstoffwissenschaft oder Verfahrenstechnik",
                "Degree in physics, materials science or process engineering",
            ),
            (
                "Erfahrung mit Vakuumbeschichtung, idealerweise in der Optik",
                "Experience with vacuum coating, ideally in optics",
            ),
            (
                "Kenntnisse in Spektralphotometrie und Ellipsometrie",
                "Knowledge of spectrophotometry and ellipsometry",
            ),
            (
                "Analytisches Denken und Hands-on-Mentalität",
                "Analytical thinking and a hands-on attitude",
            ),
            ("Erfahrung mit Reinraumarbeit", "Experience working in a clean room"),
        ),
        salary=(52000, 68000),
    ),
    Role(
        key="embedded-laser-control",
        kind=J,
        topics=("software-embedded", "laser-technology", "electronics"),
        orgs=(SL, OS),
        titles=(
            (
                "Embedded-Softwareentwickler (m/w/d) Gerätesteuerung",
                "Embedded Software Developer (m/f/d) Device Control",
            ),
            ("Embedded Software Engineer*in", "Embedded Software Engineer (m/f/d)"),
        ),
        summary=(
            "Sie schreiben die Firmware, die unsere Laser und Sensoren steuert – sicher, "
            "schnell und wartbar.",
            "Write the firmware that controls our lasers and sensors — safe, fast and "
            "maintainable.",
        ),
        intro=(
            "Die Geräte von {org} müssen jeden Tag zuverlässig funktionieren. Im Team in {city} "
            "entwickeln Sie die Steuerungssoftware vom Treiber bis zur Schnittstelle zum Kunden.",
            "The devices of {org} have to work reliably every day. In our team in {city} you "
            "develop the control software from drivers to the customer interface.",
        ),
        tasks=(
            (
                "Entwicklung von Firmware in C und C++ auf Mikrocontrollern und FPGAs",
                "Developing firmware in C and C++ on microcontrollers and FPGAs",
            ),
            (
                "Umsetzung von Sicherheitsfunktionen und Regelkreisen",
                "Implementing safety functions and control loops",
            ),
            (
                "Inbetriebnahme neuer Elektronik gemeinsam mit der Hardwareentwicklung",
                "Bringing up new electronics together with hardware development",
            ),
            (
                "Entwicklung von Kommunikationsschnittstellen (Ethernet, USB, CAN)",
                "Developing communication interfaces (Ethernet, USB, CAN)",
            ),
            (
                "Automatisierte Tests auf Hardware-in-the-Loop-Prüfständen",
                "Automated testing on hardware-in-the-loop rigs",
            ),
        ),
        requirements=(
            (
                "Studium der Elektrotechnik, Informatik oder Mechatronik",
                "Degree in electrical engineering, computer science or mechatronics",
            ),
            (
                "Mehrjährige Erfahrung in der Embedded-Entwicklung in C/C++",
                "Several years of embedded development in C/C++",
            ),
            (
                "Erfahrung mit Echtzeitbetriebssystemen",
                "Experience with real-time operating systems",
            ),
            (
                "Umgang mit Oszilloskop und Logikanalysator",
                "Working knowledge of oscilloscopes and logic analysers",
            ),
            (
                "Kenntnisse funktionaler Sicherheit sind von Vorteil",
                "Knowledge of functional safety is an advantage",
            ),
        ),
        salary=(58000, 78000),
        employment=(FT, EITHER),
        remote=(HYBRID,),
    ),
    Role(
        key="electronics-optoelectronics",
        kind=J,
        topics=("electronics", "optoelectronics-sensors"),
        orgs=(OS, FPM, QX),
        titles=(
            (
                "Elektronikentwickler*in Optoelektronik",
                "Electronics Design Engineer Optoelectronics (m/f/d)",
            ),
            (
                "Hardwareentwickler (m/w/d) Analogelektronik für Sensoren",
                "Hardware Engineer (m/f/d) Analogue Electronics for Sensors",
            ),
        ),
        summary=(
            "Sie entwerfen rauscharme Elektronik für Photodioden, Kamerasensoren und "
            "Lichtquellen – vom Schaltplan bis zur Serienfreigabe.",
            "Design low-noise electronics for photodiodes, camera sensors and light sources — "
            "from schematic to series release.",
        ),
        intro=(
            "Licht messen heißt Ströme im Pikoampere-Bereich beherrschen. {org} sucht in {city} "
            "Verstärkung für die Entwicklung der Elektronik unserer Sensoren und Module.",
            "Measuring light means mastering currents in the picoampere range. {org} is looking "
            "for support in {city} to develop the electronics of our sensors and modules.",
        ),
        tasks=(
            (
                "Schaltungsentwurf für Transimpedanzverstärker, Treiber und Versorgung",
                "Circuit design for transimpedance amplifiers, drivers and power supplies",
            ),
            (
                "Layout mehrlagiger Leiterplatten unter EMV-Gesichtspunkten",
                "Layout of multilayer PCBs with EMC in mind",
            ),
            (
                "Simulation, Inbetriebnahme und Messung von Prototypen",
                "Simulation, bring-up and measurement of prototypes",
            ),
            (
                "Begleitung von EMV- und Umweltprüfungen",
                "Supporting EMC and environmental testing",
            ),
            (
                "Zusammenarbeit mit Optik, Mechanik und Software",
                "Working with the optics, mechanics and software teams",
            ),
        ),
        requirements=(
            (
                "Studium der Elektrotechnik oder Physik",
                "Degree in electrical engineering or physics",
            ),
            (
                "Erfahrung in analoger Schaltungstechnik und Rauschanalyse",
                "Experience in analogue circuit design and noise analysis",
            ),
            (
                "Sicherer Umgang mit einem ECAD-Werkzeug",
                "Confident use of an ECAD tool",
            ),
            (
                "Kenntnisse von Photodetektoren und LEDs",
                "Knowledge of photodetectors and LEDs",
            ),
            (
                "Selbstständige und gründliche Arbeitsweise",
                "An independent and thorough way of working",
            ),
        ),
        salary=(55000, 72000),
        scale="TV-L E13",
        employment=(FT, EITHER),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="optomechanics-designer",
        kind=J,
        topics=("mechanical-engineering", "precision-optics"),
        orgs=(SP, SW, LW),
        titles=(
            ("Konstrukteur Optomechanik (m/w/d)", "Opto-mechanical Design Engineer (m/f/d)"),
            (
                "Konstrukteur*in optische Baugruppen",
                "Mechanical Design Engineer Optical Assemblies",
            ),
        ),
        summary=(
            "Sie konstruieren Fassungen, Justiermechaniken und Gehäuse, in denen Optiken auch "
            "unter Temperatur und Vibration ihre Lage halten.",
            "Design mounts, adjustment mechanisms and housings that keep optics in place under "
            "temperature changes and vibration.",
        ),
        intro=(
            "Eine Optik ist nur so gut wie ihre Fassung. Bei {org} in {city} konstruieren Sie "
            "die Mechanik hochgenauer optischer Systeme – vom Einzelteil bis zur Baugruppe.",
            "Optics are only as good as their mounts. At {org} in {city} you design the mechanics "
            "of high-precision optical systems — from single parts to full assemblies.",
        ),
        tasks=(
            (
                "3D-Konstruktion und Zeichnungserstellung in einem CAD-System",
                "3D design and drawings in a CAD system",
            ),
            (
                "FEM-Analysen zu thermischem und mechanischem Verhalten",
                "FEM analyses of thermal and mechanical behaviour",
            ),
            (
                "Toleranzketten und Justagekonzepte mit der Optikentwicklung abstimmen",
                "Agreeing tolerance chains and alignment concepts with optical design",
            ),
            (
                "Betreuung von Prototypen in Fertigung und Montage",
                "Supporting prototypes in machining and assembly",
            ),
            (
                "Auswahl von Werkstoffen, Klebstoffen und Lieferanten",
                "Selecting materials, adhesives and suppliers",
            ),
        ),
        requirements=(
            (
                "Studium des Maschinenbaus, der Feinwerktechnik oder Techniker*in mit Erfahrung",
                "Degree in mechanical or precision engineering, or technician with experience",
            ),
            (
                "Sicherer Umgang mit einem 3D-CAD-System",
                "Confident use of a 3D CAD system",
            ),
            (
                "Kenntnisse der Form- und Lagetolerierung",
                "Knowledge of geometric dimensioning and tolerancing",
            ),
            (
                "Erfahrung mit optischen Baugruppen ist ein Plus",
                "Experience with optical assemblies is a plus",
            ),
            ("Freude an kreativen Lösungen", "Enjoyment of creative solutions"),
        ),
        salary=(50000, 66000),
        employment=(FT, EITHER),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="quality-engineer-metrology",
        kind=J,
        topics=("optical-metrology", "production-quality"),
        orgs=(LW, FS, SP),
        titles=(
            (
                "Qualitätsingenieur*in Optische Messtechnik",
                "Quality Engineer Optical Metrology (m/f/d)",
            ),
            ("Qualitätsingenieur (m/w/d) Messraum", "Quality Engineer (m/f/d) Metrology Lab"),
        ),
        summary=(
            "Sie sichern die Qualität unserer Optiken mit Interferometrie, Koordinatenmesstechnik "
            "und statistischen Methoden.",
            "Safeguard the quality of our optics with interferometry, coordinate metrology and "
            "statistical methods.",
        ),
        intro=(
            "Bei {org} in {city} messen wir Oberflächen auf Nanometer genau. Als Teil der "
            "Qualitätssicherung sorgen Sie dafür, dass jedes Bauteil hält, was es verspricht.",
            "At {org} in {city} we measure surfaces to the nanometre. As part of quality "
            "assurance you make sure every part keeps its promise.",
        ),
        tasks=(
            (
                "Prüfungen mit Interferometern und Koordinatenmessgeräten planen und durchführen",
                "Planning and running tests with interferometers and coordinate measuring machines",
            ),
            (
                "Erstellung von Prüfplänen und Messmittelfähigkeitsuntersuchungen",
                "Writing inspection plans and measurement system analyses",
            ),
            (
                "Bearbeitung von Reklamationen mit 8D-Methodik",
                "Handling complaints with the 8D method",
            ),
            (
                "Lieferantenaudits und Erstmusterprüfungen",
                "Supplier audits and first-article inspections",
            ),
            (
                "Weiterentwicklung des Qualitätsmanagementsystems nach ISO 9001",
                "Developing the ISO 9001 quality management system",
            ),
        ),
        requirements=(
            (
                "Studium der Physik, Optotechnik oder Qualitätsmanagement",
                "Degree in physics, optical engineering or quality management",
            ),
            (
                "Erfahrung mit interferometrischer Messtechnik",
                "Experience with interferometric metrology",
            ),
            (
                "Kenntnisse in Statistik und Werkzeugen wie FMEA",
                "Knowledge of statistics and tools such as FMEA",
            ),
            (
                "Durchsetzungsvermögen und Fingerspitzengefühl",
                "Assertiveness combined with tact",
            ),
            ("Reisebereitschaft von etwa 10 %", "Willingness to travel about 10 % of the time"),
        ),
        salary=(50000, 64000),
    ),
    Role(
        key="sales-engineer",
        kind=J,
        topics=("sales-marketing", "laser-technology"),
        orgs=(SL, FL),
        titles=(
            (
                "Vertriebsingenieur Photonik (m/w/d) – Region Österreich",
                "Sales Engineer Photonics (m/f/d) — Austria",
            ),
            (
                "Technische*r Vertriebsmitarbeiter*in Österreich und Süddeutschland",
                "Technical Sales Manager Austria and Southern Germany",
            ),
        ),
        summary=(
            "Sie betreuen Kunden aus Industrie und Forschung in Österreich und Süddeutschland, "
            "beraten technisch und gewinnen neue Projekte.",
            "Look after customers in industry and research in Austria and southern Germany, "
            "advise them technically and win new projects.",
        ),
        intro=(
            "{org} wächst im Süden. Sie bauen die Kundenbeziehungen in Österreich und "
            "Süddeutschland aus – mit Homeoffice vor Ort und Rückhalt durch das Team in {city}.",
            "{org} is growing in the south. You will develop customer relationships in Austria "
            "and southern Germany — from a home office there, backed by the team in {city}.",
        ),
        tasks=(
            (
                "Betreuung bestehender Kunden und Gewinnung neuer Anwendungen",
                "Looking after existing customers and winning new applications",
            ),
            (
                "Technische Beratung und Erstellung von Angeboten",
                "Technical consulting and preparing quotations",
            ),
            (
                "Vorführungen im Applikationslabor und beim Kunden",
                "Demonstrations in the application lab and at customer sites",
            ),
            (
                "Präsenz auf Messen und Fachtagungen",
                "Representing us at trade fairs and conferences",
            ),
            (
                "Rückmeldung von Marktanforderungen an die Entwicklung",
                "Feeding market requirements back to development",
            ),
        ),
        requirements=(
            (
                "Studium der Physik, Photonik oder Ingenieurwissenschaften",
                "Degree in physics, photonics or engineering",
            ),
            (
                "Erste Erfahrung im technischen Vertrieb",
                "First experience in technical sales",
            ),
            (
                "Freude am Kontakt mit Menschen und am Reisen",
                "Enjoyment of meeting people and travelling",
            ),
            ("Führerschein Klasse B", "Driving licence"),
            (
                "Kenntnisse in Lasermaterialbearbeitung sind ein Plus",
                "Knowledge of laser materials processing is a plus",
            ),
        ),
        salary=(60000, 82000),
        remote=(REMOTE,),
        abroad=(("Wien", "1100", "AT"), ("Graz", "8010", "AT")),
    ),
    Role(
        key="team-lead-optics-manufacturing",
        kind=J,
        topics=("precision-optics", "production-quality"),
        orgs=(FS, LW),
        titles=(
            (
                "Teamleitung Optikfertigung (m/w/d) – auch in Teilzeit",
                "Team Lead Optics Manufacturing (m/f/d) — part-time possible",
            ),
            (
                "Teamleiter*in Polierabteilung (Vollzeit oder Teilzeit)",
                "Team Leader Polishing Department (full- or part-time)",
            ),
        ),
        summary=(
            "Sie führen ein Team von 15 Feinoptikerinnen und Feinoptikern – gern auch in "
            "Teilzeit oder als Führungstandem.",
            "Lead a team of 15 precision opticians — part-time or as a job-share leadership "
            "tandem is welcome.",
        ),
        intro=(
            "Bei {org} in {city} ist Führung keine Frage der Stundenzahl. Wir suchen eine "
            "Teamleitung, die Menschen stärkt und Abläufe verbessert – in Vollzeit, Teilzeit "
            "oder im Tandem.",
            "At {org} in {city}, leadership is not a question of hours. We are looking for a team "
            "lead who empowers people and improves processes — full-time, part-time or in a "
            "tandem.",
        ),
        tasks=(
            (
                "Fachliche und disziplinarische Führung des Teams",
                "Professional and personnel leadership of the team",
            ),
            (
                "Kapazitäts- und Schichtplanung gemeinsam mit der Fertigungssteuerung",
                "Capacity and shift planning together with production control",
            ),
            (
                "Verantwortung für Qualität, Termintreue und Arbeitssicherheit",
                "Responsibility for quality, on-time delivery and safety",
            ),
            (
                "Einarbeitung und Entwicklung von Mitarbeitenden und Auszubildenden",
                "Onboarding and developing staff and apprentices",
            ),
            (
                "Kontinuierliche Verbesserung nach Lean-Prinzipien",
                "Continuous improvement along lean principles",
            ),
        ),
        requirements=(
            (
                "Meister*in, Techniker*in oder Studium mit Bezug zur Optikfertigung",
                "Master craftsperson, technician or degree related to optics manufacturing",
            ),
            (
                "Mehrjährige Berufserfahrung in der Feinoptik",
                "Several years of experience in precision optics",
            ),
            (
                "Erste Führungserfahrung oder der Wunsch, Verantwortung zu übernehmen",
                "First leadership experience or the wish to take on responsibility",
            ),
            (
                "Kommunikationsstärke und Gelassenheit",
                "Strong communication skills and composure",
            ),
            (
                "Erfahrung mit Kennzahlen und Shopfloor-Management",
                "Experience with KPIs and shop-floor management",
            ),
        ),
        salary=(56000, 70000),
        employment=(EITHER, PT),
        leadership=True,
    ),
    Role(
        key="head-rd-biophotonics",
        kind=J,
        topics=("biophotonics", "imaging"),
        orgs=(MO,),
        titles=(
            (
                "Leitung Forschung & Entwicklung Biophotonik (m/w/d)",
                "Head of R&D Biophotonics (m/f/d)",
            ),
        ),
        summary=(
            "Sie leiten unsere Entwicklung mit 25 Menschen und führen die nächste Generation "
            "optischer Diagnosesysteme zur Zulassung – Teilzeitführung möglich.",
            "Lead our 25-person R&D department and take the next generation of optical "
            "diagnostic systems to approval — part-time leadership is possible.",
        ),
        intro=(
            "{org} in {city} sucht eine Führungspersönlichkeit für die Forschung und Entwicklung. "
            "Bei uns arbeitet ein Drittel der Führungskräfte in Teilzeit – diese Stelle ist "
            "ausdrücklich auch mit 30 Wochenstunden möglich.",
            "{org} in {city} is looking for a leader for research and development. A third of "
            "our managers work part-time — this post is explicitly open at 30 hours a week too.",
        ),
        tasks=(
            (
                "Führung der Teams Optik, Elektronik, Software und Systemtest",
                "Leading the optics, electronics, software and system test teams",
            ),
            (
                "Verantwortung für die Technologie-Roadmap und das Entwicklungsbudget",
                "Owning the technology roadmap and the R&D budget",
            ),
            (
                "Entwicklung nach den Vorgaben der Medizinprodukteverordnung",
                "Development under the EU Medical Device Regulation",
            ),
            (
                "Zusammenarbeit mit Kliniken, Instituten und Förderprojekten",
                "Collaboration with hospitals, institutes and funded projects",
            ),
            (
                "Mitglied des Leitungskreises mit Berichtslinie zur Geschäftsführung",
                "Member of the management circle, reporting to the managing directors",
            ),
        ),
        requirements=(
            (
                "Promotion in Physik, Medizintechnik oder verwandten Fächern",
                "PhD in physics, biomedical engineering or a related field",
            ),
            (
                "Mehrjährige Führungserfahrung in der Produktentwicklung",
                "Several years of leadership experience in product development",
            ),
            (
                "Erfahrung mit regulierten Entwicklungsprozessen",
                "Experience with regulated development processes",
            ),
            (
                "Fundiertes Wissen in Spektroskopie oder Fluoreszenzbildgebung",
                "Sound knowledge of spectroscopy or fluorescence imaging",
            ),
            (
                "Ein Führungsstil, der auf Vertrauen und Klarheit setzt",
                "A leadership style built on trust and clarity",
            ),
        ),
        salary=(95000, 125000),
        employment=(EITHER,),
        remote=(HYBRID,),
        leadership=True,
    ),
    Role(
        key="application-engineer-fibre-sensing",
        kind=J,
        topics=("fibre-optics", "optoelectronics-sensors"),
        orgs=(FL, SL),
        titles=(
            (
                "Applikationsingenieur*in Faseroptische Sensorik",
                "Application Engineer Fibre-Optic Sensing (m/f/d)",
            ),
            (
                "Applikationsingenieur (m/w/d) Faser- und Sensortechnik",
                "Application Engineer (m/f/d) Fibre and Sensor Technology",
            ),
        ),
        summary=(
            "Sie bringen faseroptische Messsysteme beim Kunden zum Laufen – auf Brücken, in "
            "Windparks und im Labor.",
            "Get fibre-optic measuring systems running at customer sites — on bridges, in wind "
            "farms and in the lab.",
        ),
        intro=(
            "Die Fasersensoren von {org} messen Dehnung und Temperatur über Kilometer. Im "
            "Applikationsteam in {city} sind Sie das Bindeglied zwischen Kunden und Entwicklung.",
            "The fibre sensors of {org} measure strain and temperature over kilometres. In our "
            "application team in {city} you are the link between customers and development.",
        ),
        tasks=(
            (
                "Planung und Installation von Messsystemen beim Kunden",
                "Planning and installing measuring systems at customer sites",
            ),
            (
                "Durchführung von Machbarkeitsstudien im Labor",
                "Running feasibility studies in the lab",
            ),
            ("Schulung von Anwenderinnen und Anwendern", "Training users"),
            (
                "Auswertung von Messdaten und Erstellung von Berichten",
                "Analysing measurement data and writing reports",
            ),
            (
                "Rückmeldung an Entwicklung und Produktmanagement",
                "Feedback to development and product management",
            ),
        ),
        requirements=(
            (
                "Studium der Physik, Elektrotechnik oder des Bauingenieurwesens",
                "Degree in physics, electrical or civil engineering",
            ),
            (
                "Kenntnisse in Faseroptik, z. B. Faser-Bragg-Gittern",
                "Knowledge of fibre optics, e.g. fibre Bragg gratings",
            ),
            ("Reisebereitschaft im In- und Ausland", "Willingness to travel in Germany and abroad"),
            (
                "Lösungsorientierung auch unter Zeitdruck",
                "Solution-oriented, also under time pressure",
            ),
            (
                "Erfahrung mit Python oder LabVIEW ist ein Plus",
                "Experience with Python or LabVIEW is a plus",
            ),
        ),
        salary=(50000, 65000),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="pic-design-engineer",
        kind=J,
        topics=("integrated-photonics", "quantum-technologies"),
        orgs=(QX, FPM),
        titles=(
            (
                "Photonic Integrated Circuit Design Engineer",
                "Photonic Integrated Circuit Design Engineer",
            ),
            (
                "PIC-Designer*in Siliziumnitrid-Photonik",
                "PIC Designer Silicon Nitride Photonics (m/f/d)",
            ),
        ),
        summary=(
            "Sie entwerfen photonische Chips – Wellenleiter, Ringresonatoren, Koppler – und "
            "charakterisieren sie im Labor.",
            "Design photonic chips — waveguides, ring resonators, couplers — and characterise "
            "them in the lab.",
        ),
        intro=(
            "Bei {org} in {city} wandert die Optik auf den Chip. Wir suchen eine Designerin oder "
            "einen Designer für integrierte photonische Schaltungen, die Simulation und "
            "Messung beherrscht.",
            "At {org} in {city} optics is moving onto the chip. We are looking for a designer of "
            "photonic integrated circuits who is at home in both simulation and measurement.",
        ),
        tasks=(
            (
                "Entwurf von Komponenten und Schaltungen mit FDTD- und Modensolvern",
                "Designing components and circuits with FDTD and mode solvers",
            ),
            (
                "Maskenlayout und Abstimmung mit Foundries",
                "Mask layout and coordination with foundries",
            ),
            (
                "Charakterisierung von Chips an automatisierten Messplätzen",
                "Characterising chips on automated test stations",
            ),
            (
                "Aufbau einer Bauteilbibliothek für künftige Designs",
                "Building a component library for future designs",
            ),
            (
                "Veröffentlichung und Patentierung von Ergebnissen",
                "Publishing and patenting results",
            ),
        ),
        requirements=(
            (
                "Master oder Promotion in Photonik, Physik oder Elektrotechnik",
                "Master's or PhD in photonics, physics or electrical engineering",
            ),
            (
                "Erfahrung im Design integrierter Photonik",
                "Experience designing integrated photonics",
            ),
            (
                "Scripting-Kenntnisse, idealerweise Python",
                "Scripting skills, ideally Python",
            ),
            (
                "Erfahrung mit Faserkopplung und optischen Messungen",
                "Experience with fibre coupling and optical measurements",
            ),
            (
                "Freude an der Arbeit in einem internationalen Team",
                "Enjoyment of working in an international team",
            ),
        ),
        salary=(62000, 82000),
        scale="TV-L E13",
        remote=(HYBRID,),
    ),
    Role(
        key="research-associate-space-optics",
        kind=J,
        topics=("space-optics", "optical-design"),
        orgs=(IAP, TU),
        titles=(
            (
                "Wissenschaftliche*r Mitarbeiter*in Weltraumoptik",
                "Research Associate Space Optics (m/f/d)",
            ),
            (
                "Wissenschaftliche Mitarbeiterin / Wissenschaftlicher Mitarbeiter Teleskopoptik",
                "Research Scientist Telescope Optics (m/f/d)",
            ),
        ),
        summary=(
            "Sie entwickeln leichte Spiegel und Freiformoptiken für Satellitenteleskope und "
            "arbeiten mit Partnern aus der europäischen Raumfahrt.",
            "Develop lightweight mirrors and freeform optics for satellite telescopes and work "
            "with partners from the European space sector.",
        ),
        intro=(
            "Optiken für den Orbit müssen leicht, stabil und perfekt sein. {org} in {city} sucht "
            "Verstärkung für Projekte mit europäischen Raumfahrtpartnern.",
            "Optics for orbit must be light, stable and perfect. {org} in {city} is looking for "
            "support in projects with European space partners.",
        ),
        tasks=(
            (
                "Optisches Design und Toleranzierung von Teleskopen und Spektrometern",
                "Optical design and tolerancing of telescopes and spectrometers",
            ),
            (
                "Entwicklung von Prüfaufbauten mit computergenerierten Hologrammen",
                "Developing test set-ups with computer-generated holograms",
            ),
            (
                "Mitarbeit an thermoelastischen Analysen",
                "Contributing to thermo-elastic analyses",
            ),
            (
                "Projektberichte und Reviews mit Raumfahrtagenturen",
                "Project reports and reviews with space agencies",
            ),
            (
                "Betreuung von Studierenden und Abschlussarbeiten",
                "Supervising students and theses",
            ),
        ),
        requirements=(
            (
                "Master oder Diplom in Physik, Optik oder Luft- und Raumfahrttechnik",
                "Master's degree in physics, optics or aerospace engineering",
            ),
            (
                "Erfahrung im Optikdesign",
                "Experience in optical design",
            ),
            (
                "Interesse an Messtechnik und Laborarbeit",
                "Interest in metrology and lab work",
            ),
            (
                "Promotion ist möglich, aber keine Voraussetzung",
                "A PhD is possible but not required",
            ),
            ("Teamgeist und Eigeninitiative", "Team spirit and initiative"),
        ),
        scale="TV-L E13",
        employment=(FT, EITHER),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="research-funding-administrator",
        kind=J,
        topics=("administration",),
        orgs=(IAP, TU, FPM),
        titles=(
            ("Sachbearbeiter*in Drittmittelverwaltung", "Research Funding Administrator (m/f/d)"),
            (
                "Referent (m/w/d) für Forschungsförderung und Projektcontrolling",
                "Research Funding and Project Controlling Officer (m/f/d)",
            ),
        ),
        summary=(
            "Sie betreuen Forschungsprojekte finanziell – von der Antragskalkulation bis zum "
            "Verwendungsnachweis.",
            "Manage the finances of research projects — from costing the proposal to the final "
            "report to the funder.",
        ),
        intro=(
            "Forschung braucht verlässliche Verwaltung. {org} in {city} sucht Unterstützung in "
            "der Drittmittelverwaltung – eine Stelle mit viel Kontakt zu Forschenden.",
            "Research needs reliable administration. {org} in {city} is looking for support in "
            "research funding administration — a role with plenty of contact with scientists.",
        ),
        tasks=(
            (
                "Kalkulation von Projektanträgen für nationale und EU-Förderprogramme",
                "Costing proposals for national and EU funding programmes",
            ),
            (
                "Mittelabrufe, Budgetüberwachung und Verwendungsnachweise",
                "Fund requests, budget monitoring and financial reports",
            ),
            (
                "Beratung der Projektleitungen zu Förderrichtlinien",
                "Advising project leaders on funding rules",
            ),
            (
                "Vorbereitung von Prüfungen durch Fördermittelgeber",
                "Preparing audits by funding bodies",
            ),
            (
                "Pflege der Projektdaten im ERP-System",
                "Maintaining project data in the ERP system",
            ),
        ),
        requirements=(
            (
                "Abgeschlossenes Studium der Betriebswirtschaft oder Verwaltungsausbildung",
                "Degree in business administration or training in public administration",
            ),
            (
                "Erfahrung mit öffentlichen Fördermitteln",
                "Experience with public research funding",
            ),
            ("Sicherer Umgang mit Tabellenkalkulation", "Confident use of spreadsheets"),
            ("Genauigkeit und Serviceorientierung", "Accuracy and a service mindset"),
            (
                "Englischkenntnisse für den Kontakt mit internationalen Partnern",
                "English for contact with international partners",
            ),
        ),
        scale="TV-L E9b",
        employment=(FT, EITHER, PT),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="marketing-manager",
        kind=J,
        topics=("sales-marketing",),
        orgs=(NW, MO, SL),
        titles=(
            (
                "Marketing Manager Photonik (m/w/d)",
                "Marketing Manager Photonics (m/f/d)",
            ),
            (
                "Referent*in Marketing und Kommunikation",
                "Marketing and Communications Officer (m/f/d)",
            ),
        ),
        summary=(
            "Sie erzählen die Geschichten hinter unserer Technik – auf Messen, im Web, in "
            "Fachmedien und sozialen Netzwerken.",
            "Tell the stories behind our technology — at trade fairs, online, in trade media and "
            "on social networks.",
        ),
        intro=(
            "Gute Technik braucht gute Geschichten. {org} in {city} sucht jemanden, der "
            "Photonik verständlich und begeisternd kommuniziert.",
            "Great technology needs great stories. {org} in {city} is looking for someone who "
            "communicates photonics clearly and with enthusiasm.",
        ),
        tasks=(
            (
                "Planung und Umsetzung von Kampagnen und Messeauftritten",
                "Planning and running campaigns and trade-fair appearances",
            ),
            (
                "Texte für Website, Newsletter, Fachartikel und Pressemitteilungen",
                "Writing for the website, newsletters, trade articles and press releases",
            ),
            (
                "Betreuung der Kanäle in sozialen Netzwerken",
                "Managing our social media channels",
            ),
            (
                "Zusammenarbeit mit Agenturen, Fotografie und Videoproduktion",
                "Working with agencies, photographers and video producers",
            ),
            (
                "Auswertung von Kampagnen ohne Tracking-Cookies",
                "Evaluating campaigns without tracking cookies",
            ),
        ),
        requirements=(
            (
                "Studium in Kommunikation, Marketing oder einem technischen Fach",
                "Degree in communication, marketing or a technical subject",
            ),
            (
                "Berufserfahrung im B2B-Marketing",
                "Professional experience in B2B marketing",
            ),
            (
                "Ausgezeichnete Schreibfähigkeiten",
                "Excellent writing skills",
            ),
            (
                "Interesse an Technik und Wissenschaft",
                "Interest in technology and science",
            ),
            (
                "Erfahrung mit Content-Management-Systemen",
                "Experience with content management systems",
            ),
        ),
        salary=(46000, 60000),
        employment=(FT, EITHER, PT),
        remote=(HYBRID,),
    ),
    Role(
        key="led-light-source-engineer",
        kind=J,
        topics=("light-sources", "electronics"),
        orgs=(OS,),
        titles=(
            (
                "Entwicklungsingenieur*in LED-Lichtquellen",
                "Development Engineer LED Light Sources (m/f/d)",
            ),
        ),
        summary=(
            "Sie entwickeln LED-Beleuchtungsmodule für Bildverarbeitung und Medizintechnik – "
            "optisch, thermisch und elektronisch.",
            "Develop LED illumination modules for machine vision and medical technology — "
            "optically, thermally and electronically.",
        ),
        intro=(
            "Von UV bis Infrarot: {org} in {city} baut Lichtquellen, die in Maschinen und "
            "Geräten auf der ganzen Welt leuchten.",
            "From UV to infrared: {org} in {city} builds light sources that shine in machines "
            "and devices all over the world.",
        ),
        tasks=(
            (
                "Auswahl und Charakterisierung von LEDs und Laserdioden",
                "Selecting and characterising LEDs and laser diodes",
            ),
            (
                "Auslegung von Sekundäroptiken und Entwärmung",
                "Designing secondary optics and thermal management",
            ),
            (
                "Messung mit Goniophotometer und Spektroradiometer",
                "Measurements with goniophotometers and spectroradiometers",
            ),
            (
                "Betreuung von Kundenprojekten bis zur Serie",
                "Supporting customer projects to series production",
            ),
            (
                "Bewertung nach Normen zur photobiologischen Sicherheit",
                "Assessment to photobiological safety standards",
            ),
        ),
        requirements=(
            (
                "Studium der Lichttechnik, Physik oder Elektrotechnik",
                "Degree in lighting engineering, physics or electrical engineering",
            ),
            (
                "Erfahrung mit LED-Technik und Lichtmesstechnik",
                "Experience with LED technology and photometry",
            ),
            (
                "Grundkenntnisse in Optiksimulation",
                "Basic knowledge of optical simulation",
            ),
            ("Pragmatische Arbeitsweise", "A pragmatic way of working"),
            ("Freude an Kundenkontakt", "Enjoyment of customer contact"),
        ),
        salary=(52000, 68000),
    ),
    Role(
        key="group-leader-quantum-sensing",
        kind=J,
        topics=("quantum-technologies", "optoelectronics-sensors"),
        orgs=(ZQS, IAP),
        titles=(
            (
                "Gruppenleitung Quantensensorik (m/w/d) – Teilzeit möglich",
                "Group Leader Quantum Sensing (m/f/d) — part-time possible",
            ),
            (
                "Leiter*in der Arbeitsgruppe Quantenmagnetometrie",
                "Head of the Quantum Magnetometry Group",
            ),
        ),
        summary=(
            "Sie bauen eine Arbeitsgruppe mit sechs Forschenden auf und bringen Quantensensoren "
            "in die Anwendung – Führung in Teilzeit ist ausdrücklich möglich.",
            "Build up a research group of six and bring quantum sensors into application — "
            "part-time leadership is explicitly welcome.",
        ),
        intro=(
            "{org} in {city} verstärkt die Quantensensorik. Sie übernehmen eine Gruppe mit "
            "eigenem Labor und gestalten ihre wissenschaftliche Ausrichtung.",
            "{org} in {city} is expanding its quantum sensing research. You will lead a group "
            "with its own lab and shape its scientific direction.",
        ),
        tasks=(
            (
                "Wissenschaftliche und personelle Leitung der Arbeitsgruppe",
                "Scientific and personnel leadership of the group",
            ),
            (
                "Einwerbung von Drittmitteln und Industrieprojekten",
                "Acquiring third-party funding and industry projects",
            ),
            (
                "Entwicklung von Magnetometern auf Basis von NV-Zentren",
                "Developing magnetometers based on NV centres",
            ),
            (
                "Betreuung von Promovierenden",
                "Supervising doctoral researchers",
            ),
            (
                "Vertretung des Instituts in Netzwerken und Gremien",
                "Representing the institute in networks and committees",
            ),
        ),
        requirements=(
            (
                "Promotion in Physik mit Schwerpunkt Quantenoptik",
                "PhD in physics with a focus on quantum optics",
            ),
            (
                "Publikationen und Erfahrung in der Projektleitung",
                "Publications and experience in project management",
            ),
            (
                "Erfolgreich eingeworbene Fördermittel",
                "A track record of successful funding applications",
            ),
            (
                "Führungskompetenz und Freude an der Nachwuchsförderung",
                "Leadership skills and enjoyment of mentoring young researchers",
            ),
            ("Vernetzung mit der Industrie ist ein Plus", "Industry contacts are a plus"),
        ),
        scale="TV-L E14",
        employment=(EITHER,),
        leadership=True,
    ),
    Role(
        key="micro-optics-technologist",
        kind=J,
        topics=("micro-nano-optics", "production-quality"),
        orgs=(FPM, NF, IAP),
        titles=(
            (
                "Technologe (m/w/d) Mikrooptik und Lithografie",
                "Process Technologist Micro-optics and Lithography",
            ),
            (
                "Reinraumtechnologe*in Mikro- und Nanostrukturierung",
                "Clean-room Technologist Micro- and Nanostructuring (m/f/d)",
            ),
        ),
        summary=(
            "Sie strukturieren Mikrolinsen, Gitter und Metaoberflächen im Reinraum mit "
            "Lithografie und Ätzverfahren.",
            "Structure microlenses, gratings and metasurfaces in the clean room using "
            "lithography and etching.",
        ),
        intro=(
            "Im Reinraum von {org} in {city} entstehen optische Strukturen, die kleiner sind als "
            "die Wellenlänge des Lichts. Wir suchen Verstärkung für die Prozesstechnik.",
            "In the clean room of {org} in {city} we create optical structures smaller than the "
            "wavelength of light. We are looking for support in process technology.",
        ),
        tasks=(
            (
                "Durchführung von Lithografie-, Ätz- und Replikationsprozessen",
                "Running lithography, etching and replication processes",
            ),
            (
                "Charakterisierung mit Rasterelektronen- und Weißlichtmikroskopie",
                "Characterisation with SEM and white-light microscopy",
            ),
            (
                "Prozessdokumentation und Wartung der Anlagen",
                "Process documentation and tool maintenance",
            ),
            (
                "Mitarbeit an Prozessentwicklungen für neue Projekte",
                "Contributing to process development for new projects",
            ),
            (
                "Einweisung von Gästen und Studierenden",
                "Instructing guests and students",
            ),
        ),
        requirements=(
            (
                "Ausbildung als Mikrotechnolog*in oder Studium der Physik oder Mikrotechnik",
                "Training as a microtechnologist or degree in physics or microtechnology",
            ),
            ("Erfahrung im Reinraum", "Clean-room experience"),
            ("Sorgfalt und Zuverlässigkeit", "Care and reliability"),
            (
                "Kenntnisse in Elektronenstrahllithografie sind ein Plus",
                "Knowledge of electron-beam lithography is a plus",
            ),
            ("Teamfähigkeit", "Team spirit"),
        ),
        salary=(42000, 56000),
        scale="TV-L E11",
    ),
    Role(
        key="talent-project-manager",
        kind=J,
        topics=("administration", "sales-marketing"),
        orgs=(NW, AV),
        titles=(
            (
                "Projektmanager*in Fachkräftegewinnung Photonik",
                "Project Manager Talent Attraction Photonics (m/f/d)",
            ),
        ),
        summary=(
            "Sie gewinnen Nachwuchs für die Photonik: mit Schulprojekten, Karrieretagen und "
            "Programmen für internationale Fachkräfte.",
            "Win young talent for photonics: with school projects, career days and programmes "
            "for international professionals.",
        ),
        intro=(
            "{org} bringt Menschen und Photonik zusammen. Für unsere Geschäftsstelle in {city} "
            "suchen wir jemanden, der Projekte mit Schulen, Hochschulen und Unternehmen leitet.",
            "{org} brings people and photonics together. For our office in {city} we are looking "
            "for someone to run projects with schools, universities and companies.",
        ),
        tasks=(
            (
                "Konzeption und Leitung von Nachwuchsprojekten",
                "Designing and leading projects for young talent",
            ),
            (
                "Organisation von Karrieretagen und Unternehmensbesuchen",
                "Organising career days and company visits",
            ),
            (
                "Aufbau eines Willkommensprogramms für internationale Fachkräfte",
                "Building a welcome programme for international professionals",
            ),
            (
                "Beantragung und Abrechnung von Fördermitteln",
                "Applying for and accounting for grants",
            ),
            (
                "Pflege des Netzwerks mit Mitgliedsunternehmen",
                "Maintaining the network with member companies",
            ),
        ),
        requirements=(
            (
                "Studium, gern in Natur-, Ingenieur- oder Sozialwissenschaften",
                "A degree, ideally in science, engineering or social sciences",
            ),
            (
                "Erfahrung im Projektmanagement",
                "Project management experience",
            ),
            (
                "Organisationstalent und Kontaktfreude",
                "Organisational talent and an outgoing nature",
            ),
            (
                "Interesse an Bildung und Berufsorientierung",
                "Interest in education and careers guidance",
            ),
            ("Führerschein Klasse B", "Driving licence"),
        ),
        salary=(44000, 54000),
        employment=(EITHER, PT),
        remote=(HYBRID,),
    ),
)


IN = PostingKind.INTERNSHIP

INTERNSHIPS: tuple[Role, ...] = (
    Role(
        key="internship-optical-design",
        kind=IN,
        topics=("optical-design",),
        orgs=(LW, SW, IAP),
        titles=(
            ("Praktikum Optikdesign (m/w/d)", "Internship Optical Design (m/f/d)"),
            ("Praktikant*in Optikentwicklung", "Intern Optical Engineering"),
        ),
        summary=(
            "Praktikum für drei bis sechs Monate: Sie rechnen an echten Projekten mit und lernen "
            "Optikdesign in der Praxis.",
            "A three- to six-month internship: work on real projects and learn optical design "
            "in practice.",
        ),
        intro=(
            "Bei {org} in {city} arbeiten Praktikantinnen und Praktikanten an echten Aufgaben – "
            "mit fester Betreuung und eigenem Arbeitsplatz.",
            "At {org} in {city} interns work on real tasks — with a dedicated supervisor and a "
            "desk of their own.",
        ),
        tasks=(
            (
                "Mitarbeit an Designs und Toleranzanalysen",
                "Contributing to designs and tolerance analyses",
            ),
            (
                "Aufbau einfacher Testaufbauten im Labor",
                "Building simple test set-ups in the lab",
            ),
            (
                "Auswertung von Messdaten mit Python",
                "Analysing measurement data with Python",
            ),
            ("Vorstellung Ihrer Ergebnisse im Team", "Presenting your results to the team"),
            (
                "Recherche zu neuen Materialien und Verfahren",
                "Researching new materials and methods",
            ),
        ),
        requirements=(
            (
                "Studium der Physik, Optik oder Ingenieurwissenschaften",
                "Studies in physics, optics or engineering",
            ),
            (
                "Grundlagen der geometrischen Optik",
                "Basics of geometrical optics",
            ),
            ("Neugier und Eigeninitiative", "Curiosity and initiative"),
            (
                "Verfügbarkeit für mindestens drei Monate",
                "Availability for at least three months",
            ),
        ),
        remote=(ONSITE,),
    ),
    Role(
        key="internship-laser-application",
        kind=IN,
        topics=("laser-technology", "optical-coatings"),
        orgs=(SL, DG),
        titles=(
            (
                "Praktikum Applikationslabor (m/w/d)",
                "Internship Application Lab (m/f/d)",
            ),
        ),
        summary=(
            "Im Applikationslabor testen Sie Laser und Beschichtungen an Kundenmustern und "
            "lernen die Arbeit eines Technologieunternehmens kennen.",
            "Test lasers and coatings on customer samples in our application lab and get to "
            "know the work of a technology company.",
        ),
        intro=(
            "Im Labor von {org} in {city} zeigen wir Kunden, was unsere Technik kann. Unterstützen "
            "Sie uns dabei für drei bis sechs Monate.",
            "In the lab of {org} in {city} we show customers what our technology can do. Support "
            "us for three to six months.",
        ),
        tasks=(
            (
                "Durchführung von Versuchsreihen an Kundenmustern",
                "Running test series on customer samples",
            ),
            (
                "Analyse der Ergebnisse mit Mikroskop und Profilometer",
                "Analysing results with microscope and profilometer",
            ),
            ("Dokumentation in Versuchsberichten", "Documenting results in test reports"),
            (
                "Unterstützung bei Kundenvorführungen",
                "Helping with customer demonstrations",
            ),
        ),
        requirements=(
            (
                "Studium der Physik, Photonik, Werkstoff- oder Ingenieurwissenschaften",
                "Studies in physics, photonics, materials science or engineering",
            ),
            ("Freude an praktischer Laborarbeit", "Enjoyment of practical lab work"),
            ("Sorgfältige Dokumentation", "Careful documentation"),
            (
                "Bereitschaft, Laserschutzregeln konsequent einzuhalten",
                "Commitment to following laser-safety rules",
            ),
        ),
    ),
    Role(
        key="internship-marketing",
        kind=IN,
        topics=("sales-marketing",),
        orgs=(NW, MO, QX),
        titles=(
            (
                "Praktikum Marketing & Kommunikation (m/w/d)",
                "Internship Marketing & Communication (m/f/d)",
            ),
        ),
        summary=(
            "Sie gestalten Beiträge, Broschüren und Messeauftritte mit und lernen Marketing für "
            "Hightech-Produkte kennen.",
            "Help create posts, brochures and trade-fair stands and learn how to market "
            "high-tech products.",
        ),
        intro=(
            "Photonik verständlich machen – das ist die Aufgabe unseres Kommunikationsteams bei "
            "{org} in {city}. Arbeiten Sie mit!",
            "Making photonics understandable — that is the job of our communications team at "
            "{org} in {city}. Join us!",
        ),
        tasks=(
            (
                "Texte und Grafiken für Website und soziale Netzwerke",
                "Texts and graphics for the website and social networks",
            ),
            (
                "Mitarbeit an Messe- und Veranstaltungsplanung",
                "Helping plan trade fairs and events",
            ),
            ("Interviews mit Forschenden und Fachleuten", "Interviews with scientists and experts"),
            ("Pflege von Bild- und Pressearchiv", "Maintaining the image and press archive"),
        ),
        requirements=(
            (
                "Studium der Kommunikation, Medien, Wirtschaft oder eines technischen Fachs",
                "Studies in communication, media, business or a technical field",
            ),
            ("Gutes Sprachgefühl", "A good feel for language"),
            (
                "Erfahrung mit Bildbearbeitung oder Layout",
                "Experience with image editing or layout",
            ),
            ("Interesse an Technik", "Interest in technology"),
        ),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="internship-computer-vision",
        kind=IN,
        topics=("imaging", "software-embedded"),
        orgs=(SG, OS),
        titles=(
            (
                "Praktikum Bildverarbeitung und maschinelles Lernen",
                "Internship Computer Vision and Machine Learning",
            ),
        ),
        summary=(
            "Sie entwickeln Algorithmen für Kamera- und Spektraldaten und testen sie an echten "
            "Messdaten.",
            "Develop algorithms for camera and spectral data and test them on real measurements.",
        ),
        intro=(
            "Bei {org} in {city} werden Bilddaten zu Entscheidungen. Im Praktikum entwickeln Sie "
            "ein eigenes Teilprojekt mit fester Betreuung.",
            "At {org} in {city} image data turns into decisions. During the internship you work "
            "on your own sub-project with a dedicated mentor.",
        ),
        tasks=(
            (
                "Aufbereitung und Annotation von Bilddaten",
                "Preparing and annotating image data",
            ),
            (
                "Implementierung von Algorithmen in Python",
                "Implementing algorithms in Python",
            ),
            (
                "Evaluation verschiedener Modelle auf echten Mess- und Felddaten",
                "Evaluating different models on real measurement and field data",
            ),
            (
                "Präsentation der Ergebnisse im Team und bei einem Kundentermin",
                "Presenting the results to the team and at a customer meeting",
            ),
        ),
        requirements=(
            (
                "Studium der Informatik, Physik, Mathematik oder Elektrotechnik",
                "Studies in computer science, physics, mathematics or electrical engineering",
            ),
            ("Gute Python-Kenntnisse", "Good Python skills"),
            (
                "Erste Erfahrung mit NumPy, OpenCV oder PyTorch",
                "First experience with NumPy, OpenCV or PyTorch",
            ),
            ("Selbstständige Arbeitsweise", "An independent way of working"),
        ),
        remote=(HYBRID,),
    ),
)


T = PostingKind.THESIS

THESES: tuple[Role, ...] = (
    Role(
        key="thesis-fibre-sensing",
        kind=T,
        topics=("fibre-optics", "optoelectronics-sensors"),
        orgs=(FL, FPM, TU),
        titles=(
            ("Masterarbeit: Faseroptische Sensorik", "Master's thesis: fibre-optic sensing"),
            (
                "Masterarbeit: Temperaturkompensation faseroptischer Dehnungssensoren",
                "Master's thesis: temperature compensation of fibre-optic strain sensors",
            ),
        ),
        summary=(
            "Untersuchen Sie, wie sich faseroptische Sensoren genauer und robuster machen lassen "
            "– mit Simulation, Laboraufbau und Feldtest.",
            "Investigate how fibre-optic sensors can be made more accurate and robust — with "
            "simulation, a lab set-up and a field test.",
        ),
        intro=(
            "{org} in {city} bietet eine Masterarbeit an der Schnittstelle von Faseroptik, "
            "Messtechnik und Datenauswertung an.",
            "{org} in {city} offers a master's thesis at the intersection of fibre optics, "
            "metrology and data analysis.",
        ),
        tasks=(
            (
                "Literaturrecherche zum Stand der Technik",
                "Literature review of the state of the art",
            ),
            (
                "Modellierung von Faser-Bragg-Gittern unter Temperatur und Dehnung",
                "Modelling fibre Bragg gratings under temperature and strain",
            ),
            ("Aufbau und Kalibrierung eines Messplatzes", "Building and calibrating a test bench"),
            (
                "Entwicklung und Test eines Kompensationsverfahrens",
                "Developing and testing a compensation method",
            ),
            ("Schriftliche Ausarbeitung und Verteidigung", "Writing up and defending the thesis"),
        ),
        requirements=(
            (
                "Masterstudium der Physik, Photonik oder Elektrotechnik",
                "Master's studies in physics, photonics or electrical engineering",
            ),
            ("Grundkenntnisse in Faseroptik", "Basic knowledge of fibre optics"),
            (
                "Erfahrung mit Python oder MATLAB",
                "Experience with Python or MATLAB",
            ),
            ("Freude am Experimentieren", "Enjoyment of experimental work"),
        ),
    ),
    Role(
        key="thesis-lens-inspection",
        kind=T,
        topics=("precision-optics", "imaging", "optical-metrology"),
        orgs=(LW, HSO, FS),
        titles=(
            (
                "Bachelorarbeit: Automatisierte Prüfung von Linsenoberflächen",
                "Bachelor's thesis: automated inspection of lens surfaces",
            ),
            (
                "Abschlussarbeit (Bachelor/Master): Kratzer- und Fehlstellenerkennung mit KI",
                "Thesis (bachelor's/master's): AI detection of scratches and digs",
            ),
        ),
        summary=(
            "Entwickeln Sie ein Kamerasystem, das Kratzer und Einschlüsse auf Linsen automatisch "
            "erkennt und nach ISO 10110 bewertet.",
            "Develop a camera system that automatically detects scratches and inclusions on "
            "lenses and grades them to ISO 10110.",
        ),
        intro=(
            "Noch prüfen Menschen jede Linse unter der Lampe. {org} in {city} möchte das "
            "automatisieren – mit Ihrer Abschlussarbeit.",
            "Today people still inspect every lens under a lamp. {org} in {city} wants to "
            "automate this — with your thesis.",
        ),
        tasks=(
            (
                "Konzeption einer Beleuchtung für Dunkelfeldaufnahmen",
                "Designing dark-field illumination",
            ),
            ("Aufbau eines Demonstrators", "Building a demonstrator"),
            (
                "Entwicklung der Auswertesoftware",
                "Developing the evaluation software",
            ),
            (
                "Vergleich mit der manuellen Sichtprüfung",
                "Comparing the results with manual inspection",
            ),
        ),
        requirements=(
            (
                "Studium der Optotechnik, Informatik, Physik oder Mechatronik",
                "Studies in optical engineering, computer science, physics or mechatronics",
            ),
            ("Grundlagen der Bildverarbeitung", "Basics of image processing"),
            ("Programmierkenntnisse, z. B. in Python", "Programming skills, e.g. in Python"),
            ("Selbstständigkeit und Ausdauer", "Independence and perseverance"),
        ),
    ),
    Role(
        key="thesis-ml-wavefront",
        kind=T,
        topics=("optical-metrology", "software-embedded", "space-optics"),
        orgs=(IAP, SW),
        titles=(
            (
                "Masterarbeit: Maschinelles Lernen für die Wellenfrontrekonstruktion",
                "Master's thesis: machine learning for wavefront reconstruction",
            ),
        ),
        summary=(
            "Trainieren Sie neuronale Netze, die aus Fokusbildern die Wellenfront eines "
            "Teleskops rekonstruieren.",
            "Train neural networks that reconstruct a telescope's wavefront from focal-plane "
            "images.",
        ),
        intro=(
            "Die Justage großer Optiken ist aufwendig. Bei {org} in {city} untersuchen wir, wie "
            "maschinelles Lernen die Wellenfrontmessung beschleunigen kann.",
            "Aligning large optics is laborious. At {org} in {city} we are investigating how "
            "machine learning can speed up wavefront sensing.",
        ),
        tasks=(
            ("Erzeugung simulierter Trainingsdaten", "Generating simulated training data"),
            (
                "Entwurf und Training geeigneter Netzarchitekturen",
                "Designing and training suitable network architectures",
            ),
            ("Validierung an einem Laboraufbau", "Validation on a lab set-up"),
            (
                "Vergleich mit klassischen Phase-Retrieval-Verfahren",
                "Comparison with classical phase-retrieval methods",
            ),
        ),
        requirements=(
            (
                "Masterstudium der Physik, Informatik oder Photonik",
                "Master's studies in physics, computer science or photonics",
            ),
            ("Kenntnisse in Fourier-Optik", "Knowledge of Fourier optics"),
            ("Erfahrung mit PyTorch oder JAX", "Experience with PyTorch or JAX"),
            ("Analytisches Denken", "Analytical thinking"),
        ),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="thesis-ion-assisted-coating",
        kind=T,
        topics=("optical-coatings", "laser-technology"),
        orgs=(DG, IAP),
        titles=(
            (
                "Abschlussarbeit: Ionengestützte Beschichtung von Laserspiegeln",
                "Thesis: ion-assisted coating of laser mirrors",
            ),
        ),
        summary=(
            "Untersuchen Sie, wie Prozessparameter die Zerstörschwelle und Spannung "
            "hochreflektierender Schichten beeinflussen.",
            "Investigate how process parameters affect the damage threshold and stress of "
            "high-reflectivity coatings.",
        ),
        intro=(
            "Laserspiegel müssen enormen Leistungen standhalten. {org} in {city} bietet eine "
            "experimentelle Abschlussarbeit zur Optimierung unserer Prozesse.",
            "Laser mirrors have to withstand enormous power. {org} in {city} offers an "
            "experimental thesis on optimising our processes.",
        ),
        tasks=(
            ("Planung einer Versuchsreihe (DoE)", "Planning a design-of-experiments series"),
            ("Beschichtung von Proben an der Anlage", "Coating samples on the production plant"),
            (
                "Messung von Spektren, Spannung und Zerstörschwelle",
                "Measuring spectra, stress and damage threshold",
            ),
            ("Statistische Auswertung", "Statistical analysis"),
        ),
        requirements=(
            (
                "Studium der Physik, Werkstoffwissenschaft oder Photonik",
                "Studies in physics, materials science or photonics",
            ),
            ("Interesse an Vakuum- und Plasmatechnik", "Interest in vacuum and plasma technology"),
            ("Sorgfältige Arbeitsweise", "A careful way of working"),
            ("Grundkenntnisse in Statistik", "Basic statistics"),
        ),
    ),
    Role(
        key="thesis-metalens",
        kind=T,
        topics=("micro-nano-optics", "optical-design"),
        orgs=(NF, FPM),
        titles=(("Masterarbeit: Design von Metalinsen", "Master's thesis: design of metalenses"),),
        summary=(
            "Entwerfen und simulieren Sie Metalinsen für das nahe Infrarot und vergleichen Sie "
            "sie mit gefertigten Mustern.",
            "Design and simulate near-infrared metalenses and compare them with fabricated "
            "samples.",
        ),
        intro=(
            "Flache Optik statt dicker Linsen: {org} in {city} bietet eine Masterarbeit zu "
            "Metalinsen an – von der Simulation bis zur Messung.",
            "Flat optics instead of thick lenses: {org} in {city} offers a master's thesis on "
            "metalenses — from simulation to measurement.",
        ),
        tasks=(
            (
                "Simulation von Nanosäulen mit RCWA und FDTD",
                "Simulating nanopillars with RCWA and FDTD",
            ),
            (
                "Design einer Metalinse und Erstellung des Layouts",
                "Designing a metalens and preparing the layout",
            ),
            (
                "Charakterisierung gefertigter Muster",
                "Characterising fabricated samples",
            ),
            ("Vergleich von Simulation und Messung", "Comparing simulation and measurement"),
        ),
        requirements=(
            (
                "Masterstudium der Physik, Photonik oder Elektrotechnik",
                "Master's studies in physics, photonics or electrical engineering",
            ),
            ("Kenntnisse in Wellenoptik", "Knowledge of wave optics"),
            ("Programmiererfahrung", "Programming experience"),
            ("Eigeninitiative", "Initiative"),
        ),
        remote=(ONSITE, HYBRID),
    ),
)


W = PostingKind.WORKING_STUDENT

WORKING_STUDENTS: tuple[Role, ...] = (
    Role(
        key="working-student-metrology",
        kind=W,
        topics=("optical-metrology", "production-quality"),
        orgs=(LW, SP, TU),
        titles=(
            ("Werkstudent (m/w/d) Messtechnik", "Working Student (m/f/d) Metrology"),
            ("Werkstudent*in Optische Messtechnik", "Working Student Optical Metrology"),
        ),
        summary=(
            "Neben dem Studium unterstützen Sie 10 bis 20 Stunden pro Woche unser Messlabor – "
            "flexibel planbar rund um Vorlesungen und Prüfungen.",
            "Support our metrology lab for 10 to 20 hours a week alongside your studies — "
            "flexible around lectures and exams.",
        ),
        intro=(
            "Im Messlabor von {org} in {city} prüfen wir Optiken und mechanische Bauteile. Sie "
            "arbeiten eigenständig an Messaufgaben und lernen moderne Messtechnik kennen.",
            "In the metrology lab of {org} in {city} we test optics and mechanical parts. You "
            "work independently on measurement tasks and get to know modern metrology.",
        ),
        tasks=(
            (
                "Messungen mit Interferometer, Koordinatenmessgerät und Mikroskop",
                "Measurements with interferometers, CMMs and microscopes",
            ),
            ("Auswertung und Dokumentation", "Analysis and documentation"),
            (
                "Automatisierung von Auswertungen mit Python",
                "Automating analyses with Python",
            ),
            (
                "Pflege von Messmitteln und Kalibrierplänen",
                "Looking after measuring equipment and calibration plans",
            ),
        ),
        requirements=(
            (
                "Immatrikulation in Physik, Optotechnik, Maschinenbau oder Vergleichbarem",
                "Enrolled in physics, optical engineering, mechanical engineering or similar",
            ),
            (
                "Verfügbarkeit von 10 bis 20 Stunden pro Woche",
                "Available 10 to 20 hours a week",
            ),
            ("Sorgfalt und Zuverlässigkeit", "Care and reliability"),
            ("Grundkenntnisse in Python sind ein Plus", "Basic Python is a plus"),
        ),
        employment=(PT,),
    ),
    Role(
        key="working-student-software",
        kind=W,
        topics=("software-embedded",),
        orgs=(SL, QX, SG),
        titles=(
            (
                "Werkstudent*in Softwareentwicklung Python",
                "Working Student Software Development (Python)",
            ),
            (
                "Werkstudent (m/w/d) Softwareentwicklung",
                "Working Student (m/f/d) Software Development",
            ),
        ),
        summary=(
            "Sie entwickeln Werkzeuge für Labor, Test und Datenanalyse in Python – bis zu 20 "
            "Stunden pro Woche, teilweise remote.",
            "Build tools for the lab, testing and data analysis in Python — up to 20 hours a "
            "week, partly remote.",
        ),
        intro=(
            "Das Softwareteam von {org} in {city} sucht Unterstützung durch Studierende, die gern "
            "sauberen Code schreiben und echte Probleme lösen.",
            "The software team of {org} in {city} is looking for students who like writing clean "
            "code and solving real problems.",
        ),
        tasks=(
            (
                "Entwicklung von Python-Werkzeugen zur Gerätesteuerung und Datenerfassung",
                "Developing Python tools for instrument control and data acquisition",
            ),
            ("Automatisierte Tests und Code-Reviews", "Automated tests and code reviews"),
            (
                "Visualisierung von Messdaten in Dashboards",
                "Visualising measurement data in dashboards",
            ),
            ("Dokumentation für Kolleginnen und Kollegen", "Documentation for colleagues"),
        ),
        requirements=(
            (
                "Immatrikulation in Informatik, Physik oder einem technischen Fach",
                "Enrolled in computer science, physics or a technical subject",
            ),
            ("Gute Python-Kenntnisse", "Good Python skills"),
            ("Erfahrung mit Git", "Experience with Git"),
            (
                "Interesse an Hardware und Physik",
                "Interest in hardware and physics",
            ),
        ),
        employment=(PT,),
        remote=(HYBRID, REMOTE),
    ),
    Role(
        key="working-student-sales-marketing",
        kind=W,
        topics=("sales-marketing",),
        orgs=(NW, OS),
        titles=(
            (
                "Werkstudent (m/w/d) Vertrieb & Marketing",
                "Working Student (m/f/d) Sales & Marketing",
            ),
        ),
        summary=(
            "Sie unterstützen Vertrieb und Marketing bei Messen, Kampagnen und Marktanalysen – "
            "flexibel neben dem Studium.",
            "Support sales and marketing with trade fairs, campaigns and market research — "
            "flexibly alongside your studies.",
        ),
        intro=(
            "{org} in {city} sucht Studierende, die Technik und Kommunikation verbinden möchten.",
            "{org} in {city} is looking for students who want to combine technology and "
            "communication.",
        ),
        tasks=(
            (
                "Marktrecherchen und Wettbewerbsanalysen für neue Anwendungen und Regionen",
                "Market research and competitor analyses for new applications and regions",
            ),
            (
                "Vorbereitung von Messen und Veranstaltungen",
                "Preparing trade fairs and events",
            ),
            (
                "Pflege von Kundendaten im CRM-System",
                "Maintaining customer data in the CRM",
            ),
            (
                "Erstellung von Präsentationen und Produktunterlagen für Kundentermine",
                "Preparing presentations and product documents for customer meetings",
            ),
        ),
        requirements=(
            (
                "Immatrikulation in Wirtschaft, Wirtschaftsingenieurwesen oder Kommunikation",
                "Enrolled in business, industrial engineering or communication",
            ),
            ("Strukturierte Arbeitsweise", "A structured way of working"),
            ("Sicherer Umgang mit Office-Programmen", "Confident with office software"),
            ("Kommunikationsfreude", "Enjoyment of communication"),
        ),
        employment=(PT,),
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="working-student-quantum-lab",
        kind=W,
        topics=("quantum-technologies", "laser-technology"),
        orgs=(ZQS, QX),
        titles=(
            (
                "Studentische Hilfskraft Quantenoptik-Labor",
                "Working student lab support quantum optics",
            ),
        ),
        summary=(
            "Sie unterstützen unsere Forschenden im Quantenoptik-Labor: Aufbauten, Elektronik, "
            "Messautomatisierung – 10 bis 19 Stunden pro Woche.",
            "Support our researchers in the quantum optics lab: set-ups, electronics, measurement "
            "automation — 10 to 19 hours a week.",
        ),
        intro=(
            "In den Laboren von {org} in {city} entstehen Quellen verschränkter Photonen und "
            "Quantensensoren. Sie sind mittendrin.",
            "In the labs of {org} in {city} we build entangled-photon sources and quantum "
            "sensors. You will be right in the middle of it.",
        ),
        tasks=(
            (
                "Aufbau und Justage optischer Komponenten",
                "Assembling and aligning optical components",
            ),
            ("Löten und Testen einfacher Elektronik", "Soldering and testing simple electronics"),
            (
                "Programmierung von Messabläufen in Python",
                "Programming measurement routines in Python",
            ),
            ("Pflege der Laborinfrastruktur", "Looking after the lab infrastructure"),
        ),
        requirements=(
            (
                "Studium der Physik oder Photonik ab dem dritten Semester",
                "Studying physics or photonics, third semester or later",
            ),
            ("Interesse an Quantenoptik", "Interest in quantum optics"),
            ("Geschickte Hände", "Dexterity"),
            ("Grundkenntnisse in Python", "Basic Python"),
        ),
        employment=(PT,),
    ),
)


A = PostingKind.APPRENTICESHIP

APPRENTICESHIPS: tuple[Role, ...] = (
    Role(
        key="apprenticeship-precision-optician",
        kind=A,
        topics=("precision-optics", "production-quality"),
        orgs=(LW, FS, AV),
        titles=(
            (
                "Ausbildung zum Feinoptiker (m/w/d)",
                "Apprenticeship as a precision optician (m/f/d)",
            ),
            ("Ausbildung Feinoptiker*in", "Apprenticeship precision optician"),
        ),
        summary=(
            "Dreieinhalb Jahre Ausbildung, in denen Sie lernen, Linsen und Prismen auf "
            "Bruchteile eines Mikrometers genau zu schleifen und zu polieren.",
            "Three and a half years of training in which you learn to grind and polish lenses "
            "and prisms to a fraction of a micrometre.",
        ),
        intro=(
            "Feinoptikerinnen und Feinoptiker machen aus Glas Präzisionsoptik. Bei {org} in "
            "{city} lernen Sie das Handwerk an klassischen und CNC-Maschinen – mit einer eigenen "
            "Ausbildungswerkstatt und erfahrenen Ausbilderinnen und Ausbildern.",
            "Precision opticians turn glass into precision optics. At {org} in {city} you learn "
            "the craft on conventional and CNC machines — with a dedicated training workshop and "
            "experienced trainers.",
        ),
        tasks=(
            (
                "Schleifen, Polieren und Zentrieren von Linsen und Prismen",
                "Grinding, polishing and centring lenses and prisms",
            ),
            (
                "Prüfen mit Messschieber, Sphärometer und Interferometer",
                "Measuring with callipers, spherometers and interferometers",
            ),
            ("Kitten und Montieren optischer Bauteile", "Cementing and mounting optical parts"),
            (
                "Einblick in Beschichtung, Messraum und Konstruktion",
                "Insights into coating, metrology and design",
            ),
            (
                "Berufsschule im Blockunterricht",
                "Vocational school in block teaching",
            ),
        ),
        requirements=(
            (
                "Guter Realschulabschluss oder Abitur",
                "A good intermediate school certificate or Abitur",
            ),
            (
                "Interesse an Mathematik und Physik",
                "Interest in mathematics and physics",
            ),
            ("Geschick und Geduld", "Dexterity and patience"),
            ("Sorgfalt und Teamgeist", "Care and team spirit"),
        ),
    ),
    Role(
        key="apprenticeship-mechatronics",
        kind=A,
        topics=("mechanical-engineering", "electronics"),
        orgs=(OS, SP),
        titles=(
            ("Ausbildung Mechatroniker*in", "Apprenticeship mechatronics technician"),
            (
                "Ausbildung zum Mechatroniker (m/w/d)",
                "Apprenticeship as a mechatronics technician (m/f/d)",
            ),
        ),
        summary=(
            "Sie lernen, Maschinen und Anlagen aus Mechanik, Elektronik und Software aufzubauen, "
            "zu programmieren und instand zu halten.",
            "Learn to build, program and maintain machines that combine mechanics, electronics "
            "and software.",
        ),
        intro=(
            "Ohne Mechatronik läuft keine Fertigung. Bei {org} in {city} lernen Sie in "
            "dreieinhalb Jahren alles, was eine moderne Anlage am Laufen hält.",
            "No production runs without mechatronics. At {org} in {city} you will learn in three "
            "and a half years everything that keeps a modern plant running.",
        ),
        tasks=(
            (
                "Bearbeitung von Metall und Aufbau von Baugruppen",
                "Metalworking and building assemblies",
            ),
            (
                "Verdrahten und Prüfen elektrischer Steuerungen",
                "Wiring and testing electrical controls",
            ),
            ("Programmieren von Steuerungen (SPS)", "Programming PLCs"),
            (
                "Wartung und Fehlersuche an Fertigungsanlagen",
                "Maintenance and troubleshooting of production equipment",
            ),
        ),
        requirements=(
            ("Realschulabschluss oder Abitur", "Intermediate school certificate or Abitur"),
            (
                "Gute Noten in Mathematik und Physik",
                "Good marks in mathematics and physics",
            ),
            ("Technisches Verständnis", "Technical understanding"),
            ("Freude an Teamarbeit", "Enjoyment of teamwork"),
        ),
    ),
    Role(
        key="dual-study-electrical-engineering",
        kind=A,
        topics=("electronics", "optoelectronics-sensors"),
        orgs=(OS, SL),
        titles=(
            (
                "Duales Studium Elektrotechnik (B. Eng.) (m/w/d)",
                "Dual study programme electrical engineering (B.Eng.)",
            ),
        ),
        summary=(
            "Studium und Praxis in einem: Sie studieren Elektrotechnik an einer Dualen Hochschule "
            "und arbeiten in den Praxisphasen in unserer Entwicklung.",
            "Study and practice in one: study electrical engineering at a cooperative university "
            "and work in our development team during practical phases.",
        ),
        intro=(
            "Mit dem dualen Studium bei {org} in {city} verbinden Sie Theorie und Praxis – und "
            "verdienen vom ersten Tag an Geld.",
            "With a dual study programme at {org} in {city} you combine theory and practice — "
            "and earn money from day one.",
        ),
        tasks=(
            (
                "Theoriephasen an der Dualen Hochschule",
                "Theory phases at the cooperative university",
            ),
            (
                "Praxisphasen in Elektronikentwicklung, Test und Fertigung",
                "Practical phases in electronics development, testing and production",
            ),
            ("Eigene Projekte mit Betreuung", "Your own projects with a mentor"),
            (
                "Bachelorarbeit im Unternehmen",
                "Bachelor's thesis at the company",
            ),
        ),
        requirements=(
            (
                "Abitur oder Fachhochschulreife",
                "Abitur or university entrance qualification",
            ),
            (
                "Gute Leistungen in Mathematik und Physik",
                "Good results in mathematics and physics",
            ),
            ("Begeisterung für Elektronik", "Enthusiasm for electronics"),
            ("Lernbereitschaft", "Eagerness to learn"),
        ),
    ),
    Role(
        key="apprenticeship-industrial-clerk",
        kind=A,
        topics=("administration",),
        orgs=(LW, FS),
        titles=(
            (
                "Ausbildung Industriekaufmann/-frau (m/w/d)",
                "Apprenticeship industrial clerk (m/f/d)",
            ),
        ),
        summary=(
            "Drei Jahre kaufmännische Ausbildung in einem Hightech-Unternehmen: Einkauf, "
            "Vertrieb, Personal und Finanzen.",
            "Three years of commercial training at a high-tech company: purchasing, sales, HR "
            "and finance.",
        ),
        intro=(
            "Auch in der Optik braucht es kaufmännisches Können. Bei {org} in {city} durchlaufen "
            "Sie alle kaufmännischen Abteilungen.",
            "Optics needs business skills too. At {org} in {city} you will work in every "
            "commercial department.",
        ),
        tasks=(
            ("Angebote, Aufträge und Rechnungen", "Quotations, orders and invoices"),
            ("Einkauf und Lagerwirtschaft", "Purchasing and warehousing"),
            (
                "Mitarbeit in Personalwesen und Buchhaltung",
                "Working in HR and accounting",
            ),
            (
                "Kontakt mit Kunden und Lieferanten im In- und Ausland",
                "Contact with customers and suppliers in Germany and abroad",
            ),
        ),
        requirements=(
            ("Realschulabschluss oder Abitur", "Intermediate school certificate or Abitur"),
            ("Freude an Zahlen", "Enjoyment of figures"),
            ("Kommunikationsstärke", "Good communication skills"),
            ("Gute Englischkenntnisse", "Good English"),
        ),
    ),
    Role(
        key="apprenticeship-surface-coater",
        kind=A,
        topics=("optical-coatings", "production-quality"),
        orgs=(DG,),
        titles=(
            (
                "Ausbildung zum Oberflächenbeschichter (m/w/d)",
                "Apprenticeship as a surface coater (m/f/d)",
            ),
        ),
        summary=(
            "Sie lernen, optische Schichten im Vakuum aufzubringen und ihre Qualität mit "
            "Spektralmesstechnik zu prüfen.",
            "Learn to apply optical coatings in vacuum and check their quality with spectral "
            "metrology.",
        ),
        intro=(
            "Hauchdünne Schichten mit großer Wirkung: Bei {org} in {city} lernen Sie einen "
            "seltenen Beruf mit besten Aussichten.",
            "Wafer-thin layers with a big effect: at {org} in {city} you learn a rare trade with "
            "excellent prospects.",
        ),
        tasks=(
            (
                "Reinigen, Prüfen und Vorbereiten von Linsen und Spiegeln",
                "Cleaning, inspecting and preparing lenses and mirrors",
            ),
            (
                "Einrichten und Bedienen moderner Vakuum-Beschichtungsanlagen",
                "Setting up and operating modern vacuum coating plants",
            ),
            (
                "Spektrale Prüfung der Schichten und Dokumentation der Ergebnisse",
                "Spectral testing of coatings and documenting the results",
            ),
            (
                "Arbeiten im Reinraum und Grundlagen der Qualitätssicherung",
                "Working in the clean room and the basics of quality assurance",
            ),
        ),
        requirements=(
            (
                "Realschulabschluss mit guten Noten in Chemie und Physik",
                "Intermediate school certificate with good marks in chemistry and physics",
            ),
            (
                "Interesse an Technik, die man nicht sieht, aber misst",
                "Interest in technology you cannot see but can measure",
            ),
            (
                "Sorgfalt und Geduld bei genauen Arbeitsschritten",
                "Care and patience with precise work steps",
            ),
            (
                "Zuverlässigkeit und Freude an der Arbeit im Team",
                "Reliability and enjoyment of working in a team",
            ),
        ),
    ),
    Role(
        key="apprenticeship-microtechnologist",
        kind=A,
        topics=("micro-nano-optics", "production-quality"),
        orgs=(FPM, AV),
        titles=(("Ausbildung Mikrotechnologe*in", "Apprenticeship microtechnologist"),),
        summary=(
            "Ausbildung im Reinraum: Sie lernen Lithografie, Ätzen und Beschichten für Mikrooptik "
            "und Halbleiter.",
            "Training in the clean room: learn lithography, etching and coating for micro-optics "
            "and semiconductors.",
        ),
        intro=(
            "Mikrotechnologinnen und Mikrotechnologen stellen Strukturen her, die man nur unter "
            "dem Mikroskop sieht. {org} in {city} bildet Sie in diesem Zukunftsberuf aus.",
            "Microtechnologists make structures that you can only see under a microscope. "
            "{org} in {city} trains you in this profession of the future.",
        ),
        tasks=(
            ("Arbeiten nach Reinraumregeln", "Working to clean-room rules"),
            ("Belichten, Entwickeln und Ätzen", "Exposure, development and etching"),
            ("Messen und Dokumentieren", "Measuring and documenting"),
            ("Mitarbeit in Forschungsprojekten", "Contributing to research projects"),
        ),
        requirements=(
            ("Realschulabschluss oder Abitur", "Intermediate school certificate or Abitur"),
            (
                "Interesse an Physik und Chemie",
                "Interest in physics and chemistry",
            ),
            ("Sorgfalt und Ausdauer", "Care and perseverance"),
            ("Teamfähigkeit", "Team spirit"),
        ),
        scale="TVAöD – BBiG",
    ),
)


P = PostingKind.PHD

PHDS: tuple[Role, ...] = (
    Role(
        key="phd-quantum-optics",
        kind=P,
        topics=("quantum-technologies",),
        orgs=(ZQS, IAP, TU),
        titles=(
            ("Promotionsstelle Quantenoptik (m/w/d)", "PhD position in quantum optics"),
            (
                "Doktorand*in: Verschränkte Photonen für Quantenkommunikation",
                "PhD candidate: entangled photons for quantum communication",
            ),
        ),
        summary=(
            "Promovieren Sie über Quellen verschränkter Photonen und ihren Einsatz in der "
            "Quantenkommunikation – drei Jahre, internationales Team.",
            "Do a PhD on sources of entangled photons and their use in quantum communication — "
            "three years, international team.",
        ),
        intro=(
            "{org} in {city} sucht eine Doktorandin oder einen Doktoranden für ein Projekt zur "
            "Quantenkommunikation mit Partnern aus Forschung und Industrie.",
            "{org} in {city} is looking for a doctoral researcher for a quantum communication "
            "project with partners from research and industry.",
        ),
        tasks=(
            (
                "Aufbau und Charakterisierung von Photonenpaarquellen",
                "Building and characterising photon-pair sources",
            ),
            (
                "Experimente zur Verteilung von Verschränkung über Glasfaser",
                "Experiments on distributing entanglement over fibre",
            ),
            ("Modellierung und Datenanalyse", "Modelling and data analysis"),
            (
                "Veröffentlichung in Fachzeitschriften und auf Konferenzen",
                "Publishing in journals and at conferences",
            ),
            ("Mitwirkung in der Lehre", "Contributing to teaching"),
        ),
        requirements=(
            (
                "Sehr guter Masterabschluss in Physik oder Photonik",
                "An excellent master's degree in physics or photonics",
            ),
            (
                "Kenntnisse in Quantenoptik und nichtlinearer Optik",
                "Knowledge of quantum and nonlinear optics",
            ),
            ("Experimentelle Erfahrung im Optiklabor", "Experimental experience in an optics lab"),
            (
                "Programmiererfahrung, z. B. Python",
                "Programming experience, e.g. Python",
            ),
        ),
        scale="TV-L E13 (65 %)",
        employment=(PT,),
    ),
    Role(
        key="phd-ultrafast-lasers",
        kind=P,
        topics=("laser-technology", "fibre-optics"),
        orgs=(IAP, TU),
        titles=(
            ("Doktorand*in Ultrakurzpulslaser", "PhD position ultrafast lasers"),
            (
                "Promotion: Hochleistungs-Faserlaser im mittleren Infrarot (m/w/d)",
                "PhD: high-power mid-infrared fibre lasers",
            ),
        ),
        summary=(
            "Entwickeln Sie in Ihrer Promotion Faserlaser mit ultrakurzen Pulsen für neue "
            "Wellenlängenbereiche.",
            "Develop ultrafast fibre lasers for new wavelength ranges during your PhD.",
        ),
        intro=(
            "Im Laserlabor von {org} in {city} arbeiten wir an Lichtquellen der nächsten "
            "Generation. Für ein gefördertes Projekt suchen wir Promovierende.",
            "In the laser lab of {org} in {city} we work on next-generation light sources. We are "
            "looking for doctoral researchers for a funded project.",
        ),
        tasks=(
            (
                "Simulation der Pulsausbreitung in Fasern",
                "Simulating pulse propagation in fibres",
            ),
            ("Aufbau von Laser- und Verstärkersystemen", "Building laser and amplifier systems"),
            (
                "Charakterisierung mit Autokorrelation und Spektroskopie",
                "Characterisation with autocorrelation and spectroscopy",
            ),
            ("Zusammenarbeit mit Industriepartnern", "Working with industrial partners"),
        ),
        requirements=(
            (
                "Master in Physik, Photonik oder Elektrotechnik",
                "Master's in physics, photonics or electrical engineering",
            ),
            ("Laborerfahrung mit Lasern", "Lab experience with lasers"),
            ("Begeisterung für Experimente", "Enthusiasm for experiments"),
            ("Teamfähigkeit", "Team spirit"),
        ),
        scale="TV-L E13 (75 %)",
        employment=(PT,),
    ),
    Role(
        key="phd-biophotonic-imaging",
        kind=P,
        topics=("biophotonics", "imaging"),
        orgs=(MO, HSO),
        titles=(
            (
                "Promotionsstelle Biophotonik: Raman-Bildgebung für die Tumordiagnostik",
                "PhD position in biophotonic imaging: Raman imaging for tumour diagnosis",
            ),
        ),
        summary=(
            "Entwickeln Sie Raman-Bildgebung, die Chirurginnen und Chirurgen im OP hilft, Tumor "
            "und gesundes Gewebe zu unterscheiden.",
            "Develop Raman imaging that helps surgeons tell tumour from healthy tissue during "
            "surgery.",
        ),
        intro=(
            "{org} in {city} bietet eine Promotion in Kooperation mit einer Universitätsklinik "
            "und einer Universität an – mit Laborarbeit und Klinikbezug.",
            "{org} in {city} offers a PhD in cooperation with a university hospital and a "
            "university — with lab work and clinical relevance.",
        ),
        tasks=(
            (
                "Aufbau eines faserbasierten Raman-Messkopfs",
                "Building a fibre-based Raman probe",
            ),
            (
                "Messungen an Gewebeproben gemeinsam mit der Pathologie",
                "Measurements on tissue samples together with pathology",
            ),
            (
                "Chemometrische und KI-gestützte Auswertung",
                "Chemometric and AI-based analysis",
            ),
            ("Veröffentlichung der Ergebnisse", "Publishing the results"),
        ),
        requirements=(
            (
                "Master in Physik, Biophotonik, Medizintechnik oder Chemie",
                "Master's in physics, biophotonics, biomedical engineering or chemistry",
            ),
            ("Kenntnisse in Spektroskopie", "Knowledge of spectroscopy"),
            (
                "Interesse an medizinischen Anwendungen",
                "Interest in medical applications",
            ),
            ("Programmiererfahrung", "Programming experience"),
        ),
        salary=(48000, 52000),
        scale="TV-L E13 (75 %)",
        employment=(FT, PT),
    ),
    Role(
        key="phd-integrated-sensing",
        kind=P,
        topics=("integrated-photonics", "optoelectronics-sensors"),
        orgs=(FPM, TU),
        titles=(
            (
                "Promotion: Integrierte Photonik für Gassensorik (m/w/d)",
                "PhD: integrated photonics for gas sensing",
            ),
        ),
        summary=(
            "Sie entwickeln photonische Chips, die Gase über ihre Absorption im Infrarot messen – "
            "vom Design bis zum Demonstrator.",
            "Develop photonic chips that measure gases by their infrared absorption — from design "
            "to demonstrator.",
        ),
        intro=(
            "Bei {org} in {city} entstehen miniaturisierte Sensoren auf photonischen Chips. Für "
            "ein Verbundprojekt suchen wir eine Doktorandin oder einen Doktoranden.",
            "At {org} in {city} we develop miniaturised sensors on photonic chips. We are looking "
            "for a doctoral researcher for a joint project.",
        ),
        tasks=(
            ("Design von Wellenleitersensoren", "Designing waveguide sensors"),
            ("Fertigung im Reinraum", "Fabrication in the clean room"),
            (
                "Aufbau eines Gasmessplatzes und Messungen",
                "Building a gas test bench and running measurements",
            ),
            ("Veröffentlichung und Konferenzbeiträge", "Publications and conference talks"),
        ),
        requirements=(
            (
                "Master in Physik, Elektrotechnik oder Mikrosystemtechnik",
                "Master's in physics, electrical engineering or microsystems",
            ),
            ("Kenntnisse in integrierter Optik", "Knowledge of integrated optics"),
            ("Erfahrung mit Simulationen", "Experience with simulations"),
            ("Eigeninitiative", "Initiative"),
        ),
        scale="TV-L E13 (50 %)",
        employment=(PT,),
    ),
    Role(
        key="phd-freeform-space",
        kind=P,
        topics=("space-optics", "optical-design", "precision-optics"),
        orgs=(IAP, SW),
        titles=(
            (
                "PhD: Freiformoptiken für Weltraumteleskope",
                "PhD: freeform optics design for space telescopes",
            ),
        ),
        summary=(
            "Entwerfen Sie kompakte Teleskope mit Freiformspiegeln und entwickeln Sie Verfahren, "
            "sie zu prüfen.",
            "Design compact telescopes with freeform mirrors and develop methods to test them.",
        ),
        intro=(
            "{org} in {city} bietet eine Promotion zu Freiformoptiken für kleine Satelliten an – "
            "betreut gemeinsam mit einer Universität.",
            "{org} in {city} offers a PhD on freeform optics for small satellites — supervised "
            "jointly with a university.",
        ),
        tasks=(
            (
                "Design kompakter Spiegelteleskope",
                "Designing compact reflective telescopes",
            ),
            (
                "Entwicklung von Toleranz- und Justagestrategien",
                "Developing tolerancing and alignment strategies",
            ),
            (
                "Interferometrische Prüfung von Freiformflächen",
                "Interferometric testing of freeform surfaces",
            ),
            ("Veröffentlichungen und Patentanmeldungen", "Publications and patent applications"),
        ),
        requirements=(
            (
                "Master in Physik, Optik oder Luft- und Raumfahrttechnik",
                "Master's in physics, optics or aerospace engineering",
            ),
            ("Erfahrung im Optikdesign", "Experience in optical design"),
            ("Mathematisches Verständnis", "Mathematical understanding"),
            ("Begeisterung für Raumfahrt", "Enthusiasm for space"),
        ),
        salary=(50000, 54000),
        scale="TV-L E13 (65 %)",
        employment=(FT, PT),
    ),
)


D = PostingKind.POSTDOC

POSTDOCS: tuple[Role, ...] = (
    Role(
        key="postdoc-nanophotonics",
        kind=D,
        topics=("micro-nano-optics", "optical-design"),
        orgs=(IAP, FPM),
        titles=(
            (
                "Postdoc in nanophotonics and metasurfaces",
                "Postdoc in nanophotonics and metasurfaces",
            ),
            (
                "Postdoktorand*in Nanophotonik",
                "Postdoctoral researcher in nanophotonics (m/f/d)",
            ),
        ),
        summary=(
            "Sie erforschen Metaoberflächen für Bildgebung und Strahlformung und bauen eine "
            "eigene Forschungslinie auf.",
            "Research metasurfaces for imaging and beam shaping and build up your own line of "
            "research.",
        ),
        intro=(
            "{org} in {city} bietet eine Postdoc-Stelle für zwei Jahre mit Option auf "
            "Verlängerung – mit Zugang zu Reinraum, Elektronenstrahllithografie und Messtechnik.",
            "{org} in {city} offers a two-year postdoc position with the option of extension — "
            "with access to a clean room, electron-beam lithography and metrology.",
        ),
        tasks=(
            ("Design und Fertigung von Metaoberflächen", "Designing and fabricating metasurfaces"),
            (
                "Optische Charakterisierung und Modellierung",
                "Optical characterisation and modelling",
            ),
            ("Betreuung von Promovierenden", "Supervising doctoral researchers"),
            ("Einwerbung von Drittmitteln", "Acquiring third-party funding"),
        ),
        requirements=(
            ("Promotion in Physik oder Photonik", "PhD in physics or photonics"),
            (
                "Publikationen im Bereich Nanophotonik",
                "Publications in nanophotonics",
            ),
            (
                "Erfahrung mit Simulation und Fertigung",
                "Experience with simulation and fabrication",
            ),
            ("Freude an Teamarbeit", "Enjoyment of teamwork"),
        ),
        scale="TV-L E13",
    ),
    Role(
        key="postdoc-quantum-communication",
        kind=D,
        topics=("quantum-technologies", "fibre-optics"),
        orgs=(ZQS, IAP),
        titles=(
            (
                "Postdoc Quantenkommunikation (m/w/d)",
                "Postdoc quantum communication (m/f/d)",
            ),
        ),
        summary=(
            "Sie leiten Experimente zur Quantenschlüsselverteilung in einem städtischen "
            "Glasfasernetz – mit Partnern aus Forschung und Industrie.",
            "Lead experiments on quantum key distribution in a metropolitan fibre network — with "
            "partners from research and industry.",
        ),
        intro=(
            "{org} in {city} baut gemeinsam mit Partnern eine Teststrecke für Quantenkommunikation "
            "auf. Wir suchen eine Postdoktorandin oder einen Postdoktoranden für das Projekt.",
            "{org} in {city} is building a quantum communication testbed with partners. We are "
            "looking for a postdoctoral researcher for the project.",
        ),
        tasks=(
            (
                "Planung und Durchführung von Feldexperimenten",
                "Planning and running field experiments",
            ),
            ("Entwicklung von Synchronisationsverfahren", "Developing synchronisation methods"),
            ("Koordination mit Projektpartnern", "Coordinating with project partners"),
            ("Betreuung von Promovierenden", "Supervising doctoral researchers"),
        ),
        requirements=(
            ("Promotion in Physik", "PhD in physics"),
            ("Erfahrung in Quantenoptik", "Experience in quantum optics"),
            ("Projekterfahrung", "Project experience"),
            ("Sehr gute Englischkenntnisse", "Excellent English"),
        ),
        scale="TV-L E14",
    ),
    Role(
        key="postdoc-computational-imaging",
        kind=D,
        topics=("imaging", "software-embedded"),
        orgs=(TU, HSO),
        titles=(("Postdoc: Computational Imaging", "Postdoc: computational imaging"),),
        summary=(
            "Sie verbinden Optik und Algorithmen: neue Kameras, bei denen Rekonstruktion und "
            "Optik gemeinsam entworfen werden.",
            "Combine optics and algorithms: new cameras whose optics and reconstruction are "
            "designed together.",
        ),
        intro=(
            "{org} in {city} sucht eine Postdoktorandin oder einen Postdoktoranden für die "
            "Forschung zu rechnergestützter Bildgebung.",
            "{org} in {city} is looking for a postdoctoral researcher in computational imaging.",
        ),
        tasks=(
            (
                "Entwicklung differenzierbarer Optikmodelle",
                "Developing differentiable optics models",
            ),
            ("Aufbau von Kameraprototypen", "Building camera prototypes"),
            ("Lehre im Umfang von zwei Semesterwochenstunden", "Teaching two hours a week"),
            ("Antragstellung für Folgeprojekte", "Writing proposals for follow-up projects"),
        ),
        requirements=(
            (
                "Promotion in Informatik, Physik oder Elektrotechnik",
                "PhD in computer science, physics or electrical engineering",
            ),
            ("Erfahrung mit Bildrekonstruktion", "Experience with image reconstruction"),
            ("Sehr gute Programmierkenntnisse", "Excellent programming skills"),
            ("Freude an Lehre", "Enjoyment of teaching"),
        ),
        scale="TV-L E13",
        remote=(ONSITE, HYBRID),
    ),
    Role(
        key="postdoc-fibre-lasers",
        kind=D,
        topics=("laser-technology", "fibre-optics"),
        orgs=(IAP,),
        titles=(("Postdoc Faserlaser (m/w/d)", "Postdoc fibre lasers (m/f/d)"),),
        summary=(
            "Sie treiben die Leistungsskalierung von Faserlasern voran und leiten ein kleines "
            "Team im Labor.",
            "Push the power scaling of fibre lasers and lead a small team in the lab.",
        ),
        intro=(
            "{org} in {city} gehört zu den führenden Adressen für Hochleistungs-Faserlaser. Wir "
            "suchen eine Postdoktorandin oder einen Postdoktoranden für unsere Laserabteilung.",
            "{org} in {city} is one of the leading places for high-power fibre lasers. We are "
            "looking for a postdoctoral researcher for our laser department.",
        ),
        tasks=(
            ("Konzeption neuer Laserarchitekturen", "Designing new laser architectures"),
            ("Leitung von Experimenten", "Leading experiments"),
            ("Anleitung von Promovierenden", "Guiding doctoral researchers"),
            ("Zusammenarbeit mit der Industrie", "Collaboration with industry"),
        ),
        requirements=(
            ("Promotion in Physik oder Photonik", "PhD in physics or photonics"),
            ("Erfahrung mit Faserlasern", "Experience with fibre lasers"),
            ("Publikationen", "Publications"),
            ("Teamgeist", "Team spirit"),
        ),
        scale="TV-L E13",
    ),
)


ROLES: tuple[Role, ...] = (
    JOBS + INTERNSHIPS + THESES + WORKING_STUDENTS + APPRENTICESHIPS + PHDS + POSTDOCS
)
