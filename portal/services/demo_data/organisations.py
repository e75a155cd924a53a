"""The fictional demo organisations. Every name ends with " (Demo)"; websites use `.example`.

`topics` is the organisation's focus: the demo generator only gives an organisation postings
whose topics fit. Descriptions are written without the demo note, which the generator adds.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.models import Benefit, EmployeeRange, OrganisationKind, OrganisationStatus

B = Benefit
K = OrganisationKind


@dataclass(frozen=True)
class OrgSpec:
    slug: str
    name: str
    kind: OrganisationKind
    city: str
    postcode: str
    domain: str
    employees: EmployeeRange
    founded_year: int
    benefits: tuple[Benefit, ...]
    about_de: str
    about_en: str
    contacts: tuple[str, ...]
    member: bool = False
    status: OrganisationStatus = OrganisationStatus.APPROVED
    auto_publish: bool = False

    @property
    def website(self) -> str:
        return f"https://{self.domain}"

    @property
    def is_public_employer(self) -> bool:
        """Institutes and universities pay by collective agreement (TV-L)."""
        return self.kind in (K.RESEARCH_INSTITUTE, K.UNIVERSITY)


ORGANISATIONS: tuple[OrgSpec, ...] = (
    OrgSpec(
        slug="lichtwerk-optik-demo",
        name="Lichtwerk Optik GmbH (Demo)",
        kind=K.COMPANY,
        city="Jena",
        postcode="07745",
        domain="lichtwerk-optik.example",
        employees=EmployeeRange.LARGE,
        founded_year=1991,
        member=True,
        auto_publish=True,
        benefits=(
            B.FLEXIBLE_HOURS,
            B.FAMILY_FRIENDLY,
            B.PART_TIME_LEADERSHIP,
            B.COMPANY_PENSION,
            B.TRAINING_BUDGET,
            B.PUBLIC_TRANSPORT,
        ),
        contacts=("Dr. Katrin Vogel", "Jonas Albrecht", "Aylin Demir"),
        about_de="""\
Die Lichtwerk Optik GmbH entwickelt und fertigt Präzisionsoptiken und komplette optische
Baugruppen für Halbleiterlithografie, Mikroskopie und industrielle Bildverarbeitung. Rund
600 Menschen arbeiten an unserem Standort in Jena-Göschwitz – vom Optikdesign über die
Fertigung von Linsen und Prismen bis zur Beschichtung und Endprüfung.

**Was uns ausmacht**

- Fertigung von Asphären und Freiformflächen mit Formgenauigkeiten im Nanometerbereich
- eigene Beschichtungsanlagen und Messräume unter einem Dach
- Führung in Teilzeit und Gleitzeit ohne Kernzeit für alle Teams""",
        about_en="""\
Lichtwerk Optik GmbH designs and manufactures precision optics and complete optical assemblies
for semiconductor lithography, microscopy and industrial machine vision. Around 600 people work
at our site in Jena-Göschwitz — from optical design through the manufacture of lenses and prisms
to coating and final inspection.

**What sets us apart**

- aspheres and freeform surfaces with form accuracy in the nanometre range
- our own coating plants and metrology rooms under one roof
- part-time leadership and flexitime without core hours for every team""",
    ),
    OrgSpec(
        slug="saale-laser-demo",
        name="Saale Laser Systems GmbH (Demo)",
        kind=K.COMPANY,
        city="Jena",
        postcode="07743",
        domain="saale-laser.example",
        employees=EmployeeRange.MEDIUM,
        founded_year=2004,
        member=True,
        benefits=(
            B.FLEXIBLE_HOURS,
            B.REMOTE_WORK,
            B.RELOCATION_HELP,
            B.LANGUAGE_COURSES,
            B.TRAINING_BUDGET,
        ),
        contacts=("Markus Henning", "Dr. Li Wei", "Sophie Krämer"),
        about_de="""\
Saale Laser Systems baut Ultrakurzpuls- und Faserlaser für die Mikromaterialbearbeitung, die
Medizintechnik und die Forschung. Unsere Laser schneiden Glas für Displays, strukturieren
Stents und treiben Experimente an Universitäten in mehr als 30 Ländern.

Wir sind ein Team aus 140 Menschen aus 18 Nationen; unsere Arbeitssprachen sind Deutsch und
Englisch. Entwicklung, Fertigung und Applikationslabor liegen in Jena-Nord Tür an Tür.""",
        about_en="""\
Saale Laser Systems builds ultrafast and fibre lasers for micromachining, medical technology and
research. Our lasers cut glass for displays, structure stents and drive experiments at
universities in more than 30 countries.

We are a team of 140 people from 18 countries; our working languages are German and English.
Development, production and the application lab sit next door to each other in northern Jena.""",
    ),
    OrgSpec(
        slug="iap-jena-demo",
        name="Institut für Angewandte Photonik Jena (Demo)",
        kind=K.RESEARCH_INSTITUTE,
        city="Jena",
        postcode="07745",
        domain="iap-jena.example",
        employees=EmployeeRange.LARGE,
        founded_year=1992,
        member=True,
        auto_publish=True,
        benefits=(
            B.FLEXIBLE_HOURS,
            B.FAMILY_FRIENDLY,
            B.CHILDCARE,
            B.PART_TIME_LEADERSHIP,
            B.RELOCATION_HELP,
            B.LANGUAGE_COURSES,
            B.PUBLIC_TRANSPORT,
        ),
        contacts=("Prof. Dr. Annette Lorenz", "Dr. Rahul Menon", "Claudia Fischer"),
        about_de="""\
Das Institut für Angewandte Photonik Jena forscht an der Schnittstelle zwischen Physik und
Anwendung: an Hochleistungslasern, Mikro- und Nanooptik, optischen Schichten, Optiken für die
Raumfahrt und Quantentechnologien. Gemeinsam mit Industriepartnern bringen wir Ergebnisse in
Produkte.

Rund 450 Mitarbeitende aus über 40 Ländern arbeiten bei uns, darunter viele Promovierende. Wir
bieten eine betriebsnahe Kinderbetreuung, Dual-Career-Beratung und ein Welcome Office für
internationale Gäste.""",
        about_en="""\
The Institute for Applied Photonics Jena works where physics meets application: high-power lasers,
micro- and nano-optics, optical coatings, optics for space and quantum technologies. Together with
industrial partners we turn results into products.

Around 450 people from more than 40 countries work here, many of them doctoral researchers. We
offer childcare close to the institute, dual-career advice and a welcome office for international
guests.""",
    ),
    OrgSpec(
        slug="fpm-ilmenau-demo",
        name="Forschungszentrum für Photonische Mikrosysteme Ilmenau (Demo)",
        kind=K.RESEARCH_INSTITUTE,
        city="Ilmenau",
        postcode="98693",
        domain="fpm-ilmenau.example",
        employees=EmployeeRange.MEDIUM,
        founded_year=1998,
        member=True,
        benefits=(
            B.FLEXIBLE_HOURS,
            B.FAMILY_FRIENDLY,
            B.TRAINING_BUDGET,
            B.LANGUAGE_COURSES,
        ),
        contacts=("Dr. Stefan Reuter", "Dr. Elena Petrova", "Nadine Wolf"),
        about_de="""\
Das Forschungszentrum für Photonische Mikrosysteme entwickelt miniaturisierte optische Sensoren,
photonische integrierte Schaltungen und Verfahren der Mikrostrukturierung. Unser Reinraum mit
800 m² steht auch Start-ups und mittelständischen Partnern offen.

Wir sind eng mit der Hochschullandschaft in Ilmenau verbunden; viele unserer 180 Beschäftigten
lehren oder betreuen Abschlussarbeiten.""",
        about_en="""\
The Research Centre for Photonic Microsystems develops miniaturised optical sensors, photonic
integrated circuits and microstructuring processes. Our 800 m² clean room is also open to
start-ups and small and medium-sized partners.

We are closely linked to the universities in Ilmenau; many of our 180 staff teach or supervise
theses.""",
    ),
    OrgSpec(
        slug="zqs-erfurt-demo",
        name="Zentrum für Quantensensorik Erfurt (Demo)",
        kind=K.RESEARCH_INSTITUTE,
        city="Erfurt",
        postcode="99089",
        domain="zqs-erfurt.example",
        employees=EmployeeRange.MEDIUM,
        founded_year=2017,
        benefits=(
            B.FLEXIBLE_HOURS,
            B.REMOTE_WORK,
            B.RELOCATION_HELP,
            B.LANGUAGE_COURSES,
            B.FAMILY_FRIENDLY,
        ),
        contacts=("Dr. Miriam Hoffmann", "Dr. Kenji Sato"),
        about_de="""\
Das Zentrum für Quantensensorik Erfurt bringt Quantentechnologien aus dem Labor in die
Anwendung: Magnetometer mit Stickstoff-Fehlstellen in Diamant, Atomuhren im Kleinformat und
Quellen verschränkter Photonen für die sichere Kommunikation.

Wir sind ein junges, internationales Institut mit rund 90 Mitarbeitenden; Arbeitssprache in
den Forschungsgruppen ist Englisch.""",
        about_en="""\
The Centre for Quantum Sensing Erfurt takes quantum technologies from the lab into application:
magnetometers based on nitrogen-vacancy centres in diamond, miniature atomic clocks and sources
of entangled photons for secure communication.

We are a young, international institute with around 90 staff; the working language of the
research groups is English.""",
    ),
    OrgSpec(
        slug="tu-thueringer-wald-demo",
        name="Technische Universität Thüringer Wald (Demo)",
        kind=K.UNIVERSITY,
        city="Ilmenau",
        postcode="98693",
        domain="tu-thueringer-wald.example",
        employees=EmployeeRange.HUGE,
        founded_year=1894,
        member=True,
        benefits=(
            B.FLEXIBLE_HOURS,
            B.FAMILY_FRIENDLY,
            B.CHILDCARE,
            B.LANGUAGE_COURSES,
            B.PUBLIC_TRANSPORT,
        ),
        contacts=("Prof. Dr. Henrik Baumann", "Dr. Julia Seidel", "Thomas Engel"),
        about_de="""\
Die Technische Universität Thüringer Wald verbindet Ingenieurwissenschaften, Informatik und
Naturwissenschaften auf einem grünen Campus. In der Optik und Photonik forschen unsere
Fachgebiete zu optischer Messtechnik, Lichttechnik, Optoelektronik und Bildverarbeitung.

Über 5.000 Studierende, ein Drittel davon aus dem Ausland, lernen bei uns. Promovierende
unterstützt unsere Graduiertenakademie mit Kursen, Beratung und Reisemitteln.""",
        about_en="""\
The Technical University of the Thuringian Forest combines engineering, computer science and the
natural sciences on a green campus. In optics and photonics our departments work on optical
metrology, lighting engineering, optoelectronics and image processing.

More than 5,000 students study here, a third of them from abroad. Our graduate academy supports
doctoral researchers with courses, advice and travel funds.""",
    ),
    OrgSpec(
        slug="hs-ostthueringen-demo",
        name="Hochschule Ostthüringen für Technik und Gestaltung (Demo)",
        kind=K.UNIVERSITY,
        city="Gera",
        postcode="07548",
        domain="hs-ostthueringen.example",
        employees=EmployeeRange.LARGE,
        founded_year=1992,
        benefits=(B.FLEXIBLE_HOURS, B.FAMILY_FRIENDLY, B.PUBLIC_TRANSPORT, B.TRAINING_BUDGET),
        contacts=("Prof. Dr. Birgit Kunze", "Dr. Felix Ortmann"),
        about_de="""\
Die Hochschule Ostthüringen ist eine Hochschule für angewandte Wissenschaften mit Studiengängen
in Augenoptik, Feinwerktechnik, Medizintechnik und Gestaltung. Praxisnähe ist unser Prinzip:
Fast jede Abschlussarbeit entsteht mit einem Unternehmen aus der Region.

In unseren Laboren für Optikfertigung, Messtechnik und Bildverarbeitung arbeiten Studierende
und Forschende an Projekten mit kleinen und mittleren Unternehmen.""",
        about_en="""\
The University of Applied Sciences of Eastern Thuringia offers degrees in ophthalmic optics,
precision engineering, medical engineering and design. Practice is our principle: almost every
thesis is written together with a company from the region.

In our labs for optics manufacturing, metrology and image processing, students and researchers
work on projects with small and medium-sized enterprises.""",
    ),
    OrgSpec(
        slug="quantix-photonics-demo",
        name="Quantix Photonics GmbH (Demo)",
        kind=K.STARTUP,
        city="Jena",
        postcode="07745",
        domain="quantix-photonics.example",
        employees=EmployeeRange.SMALL,
        founded_year=2021,
        member=True,
        benefits=(B.REMOTE_WORK, B.FLEXIBLE_HOURS, B.RELOCATION_HELP, B.TRAINING_BUDGET),
        contacts=("Dr. Lena Brandt", "Mateo García"),
        about_de="""\
Quantix Photonics ist eine Ausgründung aus der Jenaer Quantenoptik. Wir entwickeln kompakte
Photonenpaarquellen auf photonischen Chips – das Herzstück künftiger Quantenkommunikation und
Quantensensorik.

Unser Team aus 25 Physikerinnen, Ingenieuren und Softwareentwicklerinnen arbeitet auf Englisch,
in kurzen Entscheidungswegen und mit echter Verantwortung vom ersten Tag an.""",
        about_en="""\
Quantix Photonics is a spin-off from quantum optics research in Jena. We develop compact
photon-pair sources on photonic chips — the heart of future quantum communication and quantum
sensing.

Our team of 25 physicists, engineers and software developers works in English, with short
decision paths and real responsibility from day one.""",
    ),
    OrgSpec(
        slug="spektralgruen-demo",
        name="Spektralgrün GmbH (Demo)",
        kind=K.STARTUP,
        city="Erfurt",
        postcode="99084",
        domain="spektralgruen.example",
        employees=EmployeeRange.TINY,
        founded_year=2022,
        benefits=(B.REMOTE_WORK, B.FLEXIBLE_HOURS, B.FAMILY_FRIENDLY),
        contacts=("Paul Reinhardt", "Dr. Sara Lindqvist"),
        about_de="""\
Spektralgrün macht Hyperspektralkameras für die Landwirtschaft und den Gartenbau bezahlbar. Unsere
Sensoren erkennen Nährstoffmangel und Krankheiten an Pflanzen, bevor sie mit bloßem Auge sichtbar
sind – und helfen so, Dünger und Pflanzenschutzmittel zu sparen.

Wir sind acht Leute in einem Büro in der Erfurter Innenstadt und auf Feldern in ganz Thüringen.""",
        about_en="""\
Spektralgrün makes hyperspectral cameras affordable for agriculture and horticulture. Our sensors
detect nutrient deficiency and plant disease before they are visible to the naked eye — helping
farmers save fertiliser and pesticides.

We are eight people in an office in the centre of Erfurt and out in fields all over Thuringia.""",
    ),
    OrgSpec(
        slug="nanofacet-demo",
        name="NanoFacet GmbH (Demo)",
        kind=K.STARTUP,
        city="Ilmenau",
        postcode="98693",
        domain="nanofacet.example",
        employees=EmployeeRange.SMALL,
        founded_year=2023,
        status=OrganisationStatus.PENDING,
        benefits=(B.FLEXIBLE_HOURS, B.REMOTE_WORK),
        contacts=("Dr. Jan Köhler",),
        about_de="""\
NanoFacet entwickelt Metalinsen: flache optische Elemente aus Nanostrukturen, die klassische
Linsen in Kameras, Sensoren und AR-Brillen ersetzen können. Wir sind aus einem
Forschungsprojekt in Ilmenau hervorgegangen und bauen gerade unsere Pilotfertigung auf.""",
        about_en="""\
NanoFacet develops metalenses: flat optical elements made of nanostructures that can replace
conventional lenses in cameras, sensors and AR glasses. We grew out of a research project in
Ilmenau and are setting up our pilot production.""",
    ),
    OrgSpec(
        slug="optosens-erfurt-demo",
        name="Optosens Erfurt GmbH (Demo)",
        kind=K.COMPANY,
        city="Erfurt",
        postcode="99099",
        domain="optosens-erfurt.example",
        employees=EmployeeRange.MEDIUM,
        founded_year=1996,
        member=True,
        benefits=(
            B.FLEXIBLE_HOURS,
            B.COMPANY_PENSION,
            B.PUBLIC_TRANSPORT,
            B.FAMILY_FRIENDLY,
            B.TRAINING_BUDGET,
        ),
        contacts=("Andreas Pohl", "Melanie Schreiber", "Ivan Kovač"),
        about_de="""\
Optosens entwickelt und fertigt optoelektronische Sensoren: Lichtschranken, Farbsensoren,
Spektralsensoren und LED-Lichtquellen für Automatisierung, Medizintechnik und Landtechnik. Vom
Leiterplattenlayout bis zur Serienfertigung entsteht alles am Standort Erfurt.

Wir sind ein inhabergeführtes Familienunternehmen mit 210 Beschäftigten und bilden jedes Jahr
in vier Berufen aus.""",
        about_en="""\
Optosens develops and manufactures optoelectronic sensors: light barriers, colour sensors,
spectral sensors and LED light sources for automation, medical technology and agricultural
machinery. Everything from PCB layout to series production happens at our Erfurt site.

We are an owner-managed family company with 210 employees and train apprentices in four
occupations every year.""",
    ),
    OrgSpec(
        slug="feinoptik-saalfeld-demo",
        name="Feinoptik Saalfeld GmbH (Demo)",
        kind=K.COMPANY,
        city="Saalfeld",
        postcode="07318",
        domain="feinoptik-saalfeld.example",
        employees=EmployeeRange.MEDIUM,
        founded_year=1958,
        member=True,
        benefits=(B.COMPANY_PENSION, B.FAMILY_FRIENDLY, B.PART_TIME_LEADERSHIP, B.TRAINING_BUDGET),
        contacts=("Ralf Günther", "Petra Lehmann"),
        about_de="""\
Seit über sechzig Jahren schleifen und polieren wir in Saalfeld Linsen, Prismen und Spiegel – heute
mit CNC-Maschinen, magnetorheologischer Politur und interferometrischer Prüfung. Unsere Optiken
stecken in Ferngläsern, Vermessungsgeräten und medizinischen Endoskopen.

Viele unserer 120 Beschäftigten haben bei uns gelernt. Führung in Teilzeit ist bei uns gelebte
Praxis: Zwei unserer vier Fertigungsbereiche werden von Teilzeit-Teams geleitet.""",
        about_en="""\
For more than sixty years we have been grinding and polishing lenses, prisms and mirrors in
Saalfeld — today with CNC machines, magnetorheological finishing and interferometric testing. Our
optics go into binoculars, surveying instruments and medical endoscopes.

Many of our 120 employees trained with us. Part-time leadership is everyday practice: two of our
four production areas are led by part-time teams.""",
    ),
    OrgSpec(
        slug="suhler-praezision-demo",
        name="Suhler Präzisionsmechanik & Optik GmbH (Demo)",
        kind=K.COMPANY,
        city="Suhl",
        postcode="98527",
        domain="suhler-praezision.example",
        employees=EmployeeRange.MEDIUM,
        founded_year=1990,
        benefits=(B.COMPANY_PENSION, B.FLEXIBLE_HOURS, B.TRAINING_BUDGET),
        contacts=("Uwe Schmidtke", "Katharina Brenner"),
        about_de="""\
Die Suhler Präzisionsmechanik & Optik fertigt optomechanische Baugruppen, Fassungen und
Präzisionsteile aus Metall und Keramik für Kunden aus Optik, Luftfahrt und Messtechnik. Unsere
Stärke ist die Verbindung von Mechanik und Optik in einem Haus.

Am Standort Suhl arbeiten 95 Menschen in Konstruktion, Fertigung, Montage und Messraum.""",
        about_en="""\
Suhler Präzisionsmechanik & Optik manufactures opto-mechanical assemblies, mounts and precision
parts in metal and ceramics for customers in optics, aviation and metrology. Our strength is
bringing mechanics and optics together under one roof.

95 people work at our Suhl site in design, machining, assembly and the metrology room.""",
    ),
    OrgSpec(
        slug="duennschicht-gera-demo",
        name="Dünnschichttechnik Gera GmbH (Demo)",
        kind=K.COMPANY,
        city="Gera",
        postcode="07546",
        domain="duennschicht-gera.example",
        employees=EmployeeRange.SMALL,
        founded_year=2001,
        member=True,
        benefits=(B.FLEXIBLE_HOURS, B.PUBLIC_TRANSPORT, B.COMPANY_PENSION, B.FAMILY_FRIENDLY),
        contacts=("Dr. Martina Roth", "Sebastian Keil"),
        about_de="""\
Dünnschichttechnik Gera beschichtet Optiken für Laser, Sensorik und Medizintechnik:
Antireflexschichten, hochreflektierende Laserspiegel, Filter und Strahlteiler. Wir arbeiten mit
Elektronenstrahlverdampfung, Ionenstrahlsputtern und eigener Spektralmesstechnik.

Unser Team aus 40 Beschäftigten liefert vom Prototyp bis zur Serie – oft innerhalb weniger
Tage.""",
        about_en="""\
Dünnschichttechnik Gera coats optics for lasers, sensors and medical technology: anti-reflection
coatings, high-reflectivity laser mirrors, filters and beam splitters. We work with electron-beam
evaporation, ion-beam sputtering and our own spectral metrology.

Our team of 40 delivers everything from prototypes to series production — often within days.""",
    ),
    OrgSpec(
        slug="medoptic-weimar-demo",
        name="MedOptic Weimar GmbH (Demo)",
        kind=K.COMPANY,
        city="Weimar",
        postcode="99427",
        domain="medoptic-weimar.example",
        employees=EmployeeRange.MEDIUM,
        founded_year=2008,
        member=True,
        benefits=(
            B.FAMILY_FRIENDLY,
            B.CHILDCARE,
            B.PART_TIME_LEADERSHIP,
            B.REMOTE_WORK,
            B.RELOCATION_HELP,
        ),
        contacts=("Dr. Nora Albers", "Christian Maurer", "Fatima Haddad"),
        about_de="""\
MedOptic Weimar entwickelt optische Diagnosesysteme: Geräte zur Fluoreszenzbildgebung in der
Chirurgie und Raman-Spektrometer, die Gewebe ohne Farbstoff charakterisieren. Unsere Systeme
sind in Kliniken in Europa und Asien im Einsatz.

Wir sind 160 Menschen aus Medizin, Physik, Software und Regulatory Affairs – und ein
Arbeitgeber, bei dem ein Drittel der Führungskräfte in Teilzeit arbeitet.""",
        about_en="""\
MedOptic Weimar develops optical diagnostic systems: fluorescence imaging devices for surgery and
Raman spectrometers that characterise tissue without dyes. Our systems are used in hospitals
across Europe and Asia.

We are 160 people from medicine, physics, software and regulatory affairs — and an employer where
a third of the managers work part-time.""",
    ),
    OrgSpec(
        slug="faserlicht-rudolstadt-demo",
        name="Faserlicht Rudolstadt GmbH (Demo)",
        kind=K.COMPANY,
        city="Rudolstadt",
        postcode="07407",
        domain="faserlicht-rudolstadt.example",
        employees=EmployeeRange.SMALL,
        founded_year=2011,
        benefits=(B.FLEXIBLE_HOURS, B.COMPANY_PENSION, B.TRAINING_BUDGET),
        contacts=("Dr. Heiko Lange", "Anja Beyer"),
        about_de="""\
Faserlicht Rudolstadt zieht Spezialglasfasern und baut daraus faseroptische Sensoren für die
Überwachung von Brücken, Pipelines und Windkraftanlagen. Vom Preform bis zum fertigen
Messsystem liegt alles in unserer Hand.

Bei uns arbeiten 35 Menschen – in einem alten Fabrikgebäude an der Saale, das wir selbst
umgebaut haben.""",
        about_en="""\
Faserlicht Rudolstadt draws speciality optical fibres and turns them into fibre-optic sensors for
monitoring bridges, pipelines and wind turbines. From preform to finished measuring system,
everything is in our hands.

35 people work with us — in an old factory building on the river Saale that we converted
ourselves.""",
    ),
    OrgSpec(
        slug="sternwerk-optics-demo",
        name="Sternwerk Optics GmbH (Demo)",
        kind=K.COMPANY,
        city="Jena",
        postcode="07747",
        domain="sternwerk-optics.example",
        employees=EmployeeRange.SMALL,
        founded_year=2014,
        member=True,
        benefits=(B.FLEXIBLE_HOURS, B.REMOTE_WORK, B.RELOCATION_HELP, B.LANGUAGE_COURSES),
        contacts=("Dr. Oliver Franke", "Dr. Amara Okafor"),
        about_de="""\
Sternwerk Optics entwickelt Teleskope und Spektrometer für Satelliten und Observatorien: leichte
Spiegel aus Siliziumkarbid, Freiformoptiken und die passenden Justage- und Prüfverfahren. Unsere
Instrumente beobachten Erde und Himmel aus dem Orbit.

Unser Team aus 45 Menschen arbeitet auf Deutsch und Englisch mit Raumfahrtagenturen und
Sternwarten in ganz Europa.""",
        about_en="""\
Sternwerk Optics develops telescopes and spectrometers for satellites and observatories:
lightweight silicon-carbide mirrors, freeform optics and the alignment and test methods that go
with them. Our instruments observe the Earth and the sky from orbit.

Our team of 45 works in German and English with space agencies and observatories all over
Europe.""",
    ),
    OrgSpec(
        slug="netzwerk-optik-thueringen-demo",
        name="Netzwerk Optische Technologien Thüringen e. V. (Demo)",
        kind=K.ASSOCIATION,
        city="Jena",
        postcode="07743",
        domain="netzwerk-optik-thueringen.example",
        employees=EmployeeRange.TINY,
        founded_year=2000,
        member=True,
        benefits=(B.FLEXIBLE_HOURS, B.REMOTE_WORK, B.FAMILY_FRIENDLY, B.PUBLIC_TRANSPORT),
        contacts=("Susanne Hartmann", "Daniel Meier"),
        about_de="""\
Das Netzwerk Optische Technologien Thüringen verbindet Unternehmen, Institute und Hochschulen der
Photonik. Wir organisieren Fachforen und Messeauftritte, vermitteln Kooperationen und werben
gemeinsam mit unseren Mitgliedern um Fachkräfte und Nachwuchs.

Unsere Geschäftsstelle in Jena ist ein kleines Team mit großer Reichweite in die Branche.""",
        about_en="""\
The Optical Technologies Network Thuringia connects photonics companies, institutes and
universities. We organise expert forums and trade-fair stands, broker collaborations and,
together with our members, attract skilled staff and young talent.

Our office in Jena is a small team with a long reach into the industry.""",
    ),
    OrgSpec(
        slug="ausbildungsverbund-nordthueringen-demo",
        name="Ausbildungsverbund Photonik Nordthüringen e. V. (Demo)",
        kind=K.ASSOCIATION,
        city="Nordhausen",
        postcode="99734",
        domain="ausbildungsverbund-nord.example",
        employees=EmployeeRange.TINY,
        founded_year=2024,
        status=OrganisationStatus.PENDING,
        benefits=(B.PUBLIC_TRANSPORT, B.TRAINING_BUDGET),
        contacts=("Birgit Sommer",),
        about_de="""\
Im Ausbildungsverbund Photonik Nordthüringen bilden kleine Optik- und Elektronikbetriebe
gemeinsam aus: Die Auszubildenden lernen in mehreren Betrieben und in unserer Lehrwerkstatt in
Nordhausen.""",
        about_en="""\
In the Photonics Training Network of Northern Thuringia, small optics and electronics companies
train apprentices together: trainees learn at several companies and in our training workshop in
Nordhausen.""",
    ),
)
