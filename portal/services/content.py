"""The standard content pages (imprint, privacy, accessibility, about, guide) and their first text.

Pages are data that cluster staff edit (DESIGN §2, `Page`). `ensure_pages()` only creates the
pages that are missing, with the text below as a starting point: once a page exists it belongs
to staff and is never overwritten. Operator details are placeholders, marked as such, that the
operator must complete before going live.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from portal.extensions import db
from portal.models import Page, User
from portal.services import audit


@dataclass(frozen=True)
class PageSpec:
    slug: str
    title_de: str
    title_en: str
    body_de: str
    body_en: str


IMPRINT = PageSpec(
    slug="imprint",
    title_de="Impressum",
    title_en="Legal notice",
    body_de="""\
> **Hinweis: Platzhalter.** Die folgenden Betreiberangaben sind Demo-Angaben und müssen vor dem
> Livegang vom Betreiber vollständig ersetzt werden.

## Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)

**Photonik-Cluster Thüringen (Demo-Angaben)**
[Rechtsform, z. B. eingetragener Verein – bitte ergänzen]
[Straße und Hausnummer – bitte ergänzen]
[Postleitzahl] Jena
Deutschland

**Vertreten durch:** [Namen der vertretungsberechtigten Personen, z. B. Vorstand – bitte ergänzen]

## Kontakt

E-Mail: [Kontaktadresse – bitte ergänzen]
Telefon: [Telefonnummer – bitte ergänzen]

## Registereintrag

[Registergericht und Registernummer, z. B. Vereinsregister beim Amtsgericht Jena, VR …
– bitte ergänzen oder streichen, falls nicht zutreffend]

## Umsatzsteuer-Identifikationsnummer

[USt-IdNr. gemäß § 27a Umsatzsteuergesetz – bitte ergänzen oder streichen]

## Verantwortlich für den Inhalt nach § 18 Abs. 2 Medienstaatsvertrag (MStV)

[Name und Anschrift der verantwortlichen Person – bitte ergänzen]

## Stellenanzeigen und Kursangebote

Stellenanzeigen und Weiterbildungsangebote werden von den jeweiligen Arbeitgebern, Instituten
und Hochschulen selbst eingestellt. Für ihren Inhalt sind die jeweils genannten Organisationen
verantwortlich. Das Clusterteam prüft neue Organisationen und – sofern nicht anders vereinbart –
neue Anzeigen vor der Veröffentlichung, kann aber nicht jede Angabe im Einzelnen überprüfen.

Wenn Sie eine Anzeige für rechtswidrig, diskriminierend oder betrügerisch halten, nutzen Sie bitte
den Link „Anzeige melden“ auf der jeweiligen Stellenseite. Wir prüfen jede Meldung und teilen
Ihnen – wenn Sie eine E-Mail-Adresse angeben – unsere Entscheidung mit Begründung mit
(Art. 16 und 17 des Gesetzes über digitale Dienste, Verordnung (EU) 2022/2065).

## Demo-Inhalte

Einträge, deren Name mit „(Demo)“ endet, sind frei erfundene Beispielorganisationen mit
fiktiven Anzeigen. Sie dienen nur der Vorführung des Portals; Bewerbungen darauf sind nicht
möglich.

## Verbraucherstreitbeilegung

Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer
Verbraucherschlichtungsstelle teilzunehmen.
""",
    body_en="""\
> **Note: placeholder.** The operator details below are demo data and must be replaced in full by
> the operator before the portal goes live.

This English version is provided for convenience; the German legal notice is authoritative.

## Information pursuant to Section 5 of the German Digital Services Act (DDG)

**Photonik-Cluster Thüringen (Demo-Angaben)**
[Legal form, e.g. registered association – to be completed]
[Street and number – to be completed]
[Postcode] Jena
Germany

**Represented by:** [names of the authorised representatives, e.g. the board – to be completed]

## Contact

Email: [contact address – to be completed]
Phone: [phone number – to be completed]

## Register entry

[Register court and number, e.g. register of associations at the Jena local court, VR …
– to be completed, or deleted if not applicable]

## VAT identification number

[VAT ID under Section 27a of the German VAT Act – to be completed or deleted]

## Responsible for the content under Section 18 (2) of the Interstate Media Treaty (MStV)

[Name and address of the responsible person – to be completed]

## Job postings and courses

Job postings and training courses are published by the employers, institutes and universities
themselves, and each named organisation is responsible for its own content. The cluster team
checks new organisations and — unless agreed otherwise — new postings before publication, but
cannot verify every detail.

If you believe a posting is illegal, discriminatory or fraudulent, please use the "Report this
posting" link on the posting's page. We review every report and — if you give an email
address — tell you our decision and the reasons for it (Articles 16 and 17 of the EU Digital
Services Act, Regulation (EU) 2022/2065).

## Demo content

Entries whose name ends in "(Demo)" are invented example organisations with fictional postings.
They only demonstrate the portal; you cannot apply to them.

## Consumer dispute resolution

We are neither willing nor obliged to take part in dispute resolution proceedings before a
consumer arbitration board.
""",
)


PRIVACY = PageSpec(
    slug="privacy",
    title_de="Datenschutzerklärung",
    title_en="Privacy notice",
    body_de="""\
> **Hinweis: Platzhalter.** Die Angaben zum Verantwortlichen, zum Datenschutzbeauftragten und zum
> Hosting sind Demo-Angaben und müssen vom Betreiber vor dem Livegang ergänzt werden.

Wir nehmen den Schutz Ihrer Daten ernst und haben dieses Portal so gebaut, dass es mit möglichst
wenigen personenbezogenen Daten auskommt. Hier erfahren Sie, welche Daten wir wann, wozu und wie
lange verarbeiten und welche Rechte Sie haben (Art. 13 und 14 DSGVO).

## 1. Verantwortlicher

**Photonik-Cluster Thüringen (Demo-Angaben)**
[Anschrift – bitte ergänzen]
E-Mail: [Datenschutz-Kontaktadresse – bitte ergänzen]

**Datenschutzbeauftragte*r:** [Name und Kontakt, sofern benannt – bitte ergänzen]

## 2. Das Wichtigste in Kürze

- **Keine Tracking-Cookies, keine Analysedienste, keine Werbung.** Wir setzen nur technisch
  notwendige Cookies.
- **Keine Anfragen an Dritte.** Schriften, Symbole und Skripte liefern wir selbst aus; beim
  Aufruf unserer Seiten wird keine Verbindung zu fremden Servern aufgebaut.
- **Zugriffszahlen nur als Summen.** Wir zählen Aufrufe und Klicks auf „Bewerben“ je Anzeige und
  Tag – ohne IP-Adressen, ohne Cookies, ohne Nutzerprofile.
- **Jobabos nur mit bestätigter Einwilligung** (Double-Opt-in) und jederzeit mit einem Klick
  kündbar.
- **Bewerbungen laufen nicht über dieses Portal**, sondern direkt beim Arbeitgeber.

## 3. Aufruf der Website

Beim Aufruf einer Seite verarbeitet unser Server technisch zwangsläufig Ihre IP-Adresse, die
aufgerufene Adresse, Datum und Uhrzeit, den Browsertyp und die übertragene Datenmenge. Das ist
nötig, um Ihnen die Seite auszuliefern und das Portal gegen Missbrauch zu schützen (etwa durch
eine Begrenzung der Anmeldeversuche). Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO; unser
berechtigtes Interesse ist ein sicherer und funktionierender Betrieb.

IP-Adressen werden zur Missbrauchsabwehr nur kurzzeitig im Arbeitsspeicher gehalten. Server-
Protokolle werden nach höchstens [7 Tagen – bitte an den tatsächlichen Betrieb anpassen] gelöscht.

**Statistik:** Für Arbeitgeber und für die Berichte des Clusters zählen wir, wie oft eine Anzeige
aufgerufen und wie oft auf „Bewerben“ geklickt wurde. Gespeichert wird nur die Summe je Anzeige und
Tag; ein Rückschluss auf einzelne Besucher ist nicht möglich.

## 4. Cookies

Wir verwenden nur Cookies, die für den Dienst unbedingt erforderlich sind (§ 25 Abs. 2 Nr. 2
TDDDG): ein Sitzungs-Cookie für angemeldete Nutzer und ein Schutz-Cookie gegen gefälschte
Formularübermittlungen (CSRF). Sie enthalten keine Profildaten und werden beim Schließen des
Browsers bzw. beim Abmelden gelöscht. Eine Einwilligung ist dafür nicht erforderlich; ein
Cookie-Banner brauchen wir deshalb nicht.

## 5. Jobabos (E-Mail-Benachrichtigungen)

Wenn Sie ein Jobabo anlegen, speichern wir Ihre E-Mail-Adresse, die gewünschte Sprache, Ihre
Suchanfrage und Filter sowie die Häufigkeit (täglich oder wöchentlich). Ein Konto brauchen Sie
dafür nicht.

- **Double-Opt-in:** Zunächst schicken wir Ihnen eine E-Mail mit einem Bestätigungslink. Erst wenn
  Sie ihn aufrufen, ist das Abo aktiv. Unbestätigte Anfragen löschen wir nach [7 Tagen – bitte
  prüfen].
- **Nachweis der Einwilligung:** Um nachweisen zu können, dass Sie eingewilligt haben
  (Art. 7 Abs. 1 DSGVO), speichern wir den Wortlaut der Einwilligung sowie Zeitpunkt der Anfrage
  und Zeitpunkt der Bestätigung – keine IP-Adresse.
- **Abmeldung:** Jede Benachrichtigung enthält einen Abmeldelink; die Abmeldung wirkt mit einem
  Klick, auch direkt aus Ihrem E-Mail-Programm. Danach löschen wir das Abo.
- **Erneute Bestätigung:** Nach zwölf Monaten fragen wir nach, ob Sie das Abo weiter erhalten
  möchten. Ohne Antwort löschen wir es.

Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie jederzeit mit Wirkung
für die Zukunft widerrufen können (Art. 7 Abs. 3 DSGVO).

## 6. Konten für Arbeitgeber und das Clusterteam

Für ein Arbeitgeberkonto verarbeiten wir Name, E-Mail-Adresse, ein Passwort (nur als sicherer
Hash gespeichert, nie im Klartext), die Sprache der Oberfläche, die Zugehörigkeit zu einer
Organisation sowie Zeitpunkte von Registrierung, Bestätigung und letzter Anmeldung. Die
E-Mail-Adresse bestätigen Sie über einen Link. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO
(Nutzungsvertrag).

Änderungen an Anzeigen und alle Handlungen des Clusterteams protokollieren wir mit Zeitpunkt und
handelnder Person, aber ohne IP-Adresse, um Moderationsentscheidungen nachvollziehbar zu machen
(Art. 6 Abs. 1 lit. c und f DSGVO).

In den Kontoeinstellungen können Sie Ihre Daten jederzeit als Datei herunterladen und Ihr Konto
löschen.

## 7. Stellenanzeigen und Bewerbungen

Anzeigen enthalten die Kontaktdaten, die der Arbeitgeber angibt (z. B. eine Ansprechperson). Ihre
Bewerbung senden Sie direkt an den Arbeitgeber – über dessen Bewerbungsseite oder per E-Mail. Für
die Bewerbung ist allein der Arbeitgeber verantwortlich; es gilt dessen Datenschutzerklärung. Wir
erfahren nur, dass auf „Bewerben“ geklickt wurde (als Tagessumme, siehe Abschnitt 3).

## 8. Meldungen von Anzeigen

Wenn Sie eine Anzeige melden, speichern wir den Grund, Ihre Nachricht und – freiwillig – Ihre
E-Mail-Adresse, um Ihnen unsere Entscheidung mitzuteilen (Art. 6 Abs. 1 lit. c DSGVO in Verbindung
mit Art. 16 und 17 der Verordnung (EU) 2022/2065). Meldungen löschen wir [ein Jahr – bitte prüfen]
nach ihrer Erledigung.

## 9. E-Mail-Versand und Hosting

Das Portal wird bei [Hostinganbieter, Sitz in der EU – bitte ergänzen] betrieben; E-Mails
versenden wir über [Mailanbieter – bitte ergänzen]. Beide verarbeiten Daten nur in unserem Auftrag
und nach unserer Weisung (Art. 28 DSGVO). Eine Übermittlung in Länder außerhalb der EU bzw. des
EWR findet nicht statt.

## 10. Speicherdauer im Überblick

- Server-Protokolle: höchstens [7 Tage – bitte anpassen]
- unbestätigte Jobabos: [7 Tage]; bestätigte: bis zur Abmeldung bzw. bis zu zwölf Monate ohne
  erneute Bestätigung
- Konten: bis zur Löschung durch Sie oder nach [24 Monaten – bitte prüfen] ohne Anmeldung, nach
  vorheriger Erinnerung
- Anzeigen: bis zur Löschung durch den Arbeitgeber; abgelaufene Anzeigen sind nicht mehr öffentlich
- Tagesstatistiken: ohne Personenbezug, unbefristet
- gesetzliche Aufbewahrungspflichten bleiben unberührt

## 11. Ihre Rechte

Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17),
Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch gegen
Verarbeitungen auf Grundlage berechtigter Interessen (Art. 21). Eine erteilte Einwilligung können
Sie jederzeit widerrufen. Eine automatisierte Entscheidungsfindung einschließlich Profiling im
Sinne von Art. 22 DSGVO findet nicht statt.

Wenden Sie sich dazu formlos an die oben genannte Adresse. Sie können sich außerdem bei einer
Datenschutz-Aufsichtsbehörde beschweren, etwa beim Thüringer Landesbeauftragten für den
Datenschutz und die Informationsfreiheit (TLfDI).

## 12. Änderungen

Wir passen diese Erklärung an, wenn sich das Portal oder die Rechtslage ändert. Es gilt die
jeweils hier veröffentlichte Fassung. Stand: [Datum – bitte ergänzen].
""",
    body_en="""\
> **Note: placeholder.** The details of the controller, the data protection officer and the hosting
> provider are demo data and must be completed by the operator before the portal goes live.

We take the protection of your data seriously and have built this portal to work with as little
personal data as possible. This notice explains which data we process, when, why and for how long,
and what rights you have (Articles 13 and 14 GDPR). The German version is authoritative.

## 1. Controller

**Photonik-Cluster Thüringen (Demo-Angaben)**
[Address – to be completed]
Email: [privacy contact address – to be completed]

**Data protection officer:** [name and contact, if appointed – to be completed]

## 2. The essentials

- **No tracking cookies, no analytics services, no advertising.** We only set cookies that are
  strictly necessary.
- **No requests to third parties.** We serve fonts, icons and scripts ourselves; visiting our pages
  does not connect your browser to anyone else's server.
- **View counts as totals only.** We count views and clicks on "Apply" per posting and day —
  without IP addresses, without cookies, without user profiles.
- **Job alerts only with confirmed consent** (double opt-in), cancellable at any time with one
  click.
- **Applications do not go through this portal** but directly to the employer.

## 3. Visiting the website

When you open a page, our server necessarily processes your IP address, the address requested, the
date and time, your browser type and the amount of data transferred. This is needed to deliver the
page and to protect the portal against abuse (for example by limiting login attempts). The legal
basis is Article 6(1)(f) GDPR; our legitimate interest is a secure and working service.

IP addresses are held only briefly in memory for abuse prevention. Server logs are deleted after at
most [7 days – adjust to the actual set-up].

**Statistics:** For employers and for the cluster's reports we count how often a posting was viewed
and how often "Apply" was clicked. Only the total per posting and day is stored; no individual
visitor can be identified from it.

## 4. Cookies

We only use cookies that are strictly necessary to provide the service (Section 25 (2) no. 2 of the
German TDDDG): a session cookie for signed-in users and a security cookie against forged form
submissions (CSRF). They contain no profile data and are deleted when you close your browser or sign
out. They need no consent, which is why there is no cookie banner.

## 5. Job alerts (email notifications)

When you create a job alert we store your email address, the language you chose, your search and
filters, and the frequency (daily or weekly). You do not need an account.

- **Double opt-in:** we first send you an email with a confirmation link. The alert only becomes
  active once you open it. Unconfirmed requests are deleted after [7 days – to be checked].
- **Proof of consent:** so that we can show that you agreed (Article 7(1) GDPR), we store the
  wording you agreed to and the times of the request and of the confirmation — no IP address.
- **Unsubscribing:** every notification contains an unsubscribe link that works with one click,
  also directly from your email program. We then delete the alert.
- **Asking again:** after twelve months we ask whether you still want the alert. If you do not
  answer, we delete it.

The legal basis is your consent (Article 6(1)(a) GDPR), which you can withdraw at any time with
effect for the future (Article 7(3) GDPR).

## 6. Accounts for employers and the cluster team

For an employer account we process your name, email address, a password (stored only as a secure
hash, never in plain text), your interface language, the organisation you belong to and the times of
registration, confirmation and last sign-in. You confirm your email address through a link. The
legal basis is Article 6(1)(b) GDPR (terms of use).

We log changes to postings and every action of the cluster team with the time and the person acting,
but without IP addresses, so that moderation decisions can be traced (Article 6(1)(c) and (f) GDPR).

In your account settings you can download your data as a file and delete your account at any time.

## 7. Job postings and applications

Postings contain the contact details the employer chooses to give (for example a contact person).
You send your application directly to the employer — through its application page or by email. The
employer alone is responsible for your application, and its privacy notice applies. We only learn
that "Apply" was clicked (as a daily total, see section 3).

## 8. Reports about postings

If you report a posting, we store the reason, your message and — if you choose to give it — your
email address, so that we can tell you our decision (Article 6(1)(c) GDPR with Articles 16 and 17 of
Regulation (EU) 2022/2065). Reports are deleted [one year – to be checked] after they are resolved.

## 9. Email delivery and hosting

The portal is hosted by [hosting provider, based in the EU – to be completed]; emails are sent
through [mail provider – to be completed]. Both process data only on our behalf and on our
instructions (Article 28 GDPR). No data is transferred to countries outside the EU or EEA.

## 10. Retention at a glance

- server logs: at most [7 days – to be adjusted]
- unconfirmed job alerts: [7 days]; confirmed ones: until you unsubscribe, or twelve months without
  renewed confirmation
- accounts: until you delete them, or after [24 months – to be checked] without sign-in, after a
  reminder
- postings: until the employer deletes them; expired postings are no longer public
- daily statistics: contain no personal data, kept indefinitely
- statutory retention obligations remain unaffected

## 11. Your rights

You have the right of access (Article 15 GDPR), rectification (Article 16), erasure (Article 17),
restriction of processing (Article 18), data portability (Article 20) and to object to processing
based on legitimate interests (Article 21). You can withdraw any consent at any time. There is no
automated decision-making, including profiling, within the meaning of Article 22 GDPR.

Just write to the address above. You also have the right to lodge a complaint with a data
protection supervisory authority, for example the Thuringian Commissioner for Data Protection and
Freedom of Information (TLfDI).

## 12. Changes

We update this notice when the portal or the law changes. The version published here applies.
Last updated: [date – to be completed].
""",
)


ACCESSIBILITY = PageSpec(
    slug="accessibility",
    title_de="Erklärung zur Barrierefreiheit",
    title_en="Accessibility statement",
    body_de="""\
> **Hinweis: Platzhalter.** Kontaktangaben, Datum der Prüfung und die zuständige
> Durchsetzungsstelle muss der Betreiber vor dem Livegang ergänzen bzw. bestätigen.

Der Photonik-Cluster Thüringen möchte, dass alle Menschen dieses Portal nutzen können – mit
Bildschirmleser, Tastatur, Vergrößerung oder Spracheingabe, auf dem Telefon wie am Arbeitsplatz.
Diese Erklärung gilt für die Website „Photonik Karriere“.

## Stand der Vereinbarkeit mit den Anforderungen

Das Portal wurde nach den Anforderungen der Barrierefreie-Informationstechnik-Verordnung
(BITV 2.0) und der europäischen Norm EN 301 549 entwickelt, die auf den Web Content Accessibility
Guidelines (WCAG) 2.1 in der Konformitätsstufe AA beruht. Es ist nach unserer Einschätzung
**teilweise barrierefrei**: Die von uns gestalteten Seiten erfüllen die Anforderungen; die
unten genannten Inhalte noch nicht vollständig.

Dazu gehören unter anderem:

- eine gleichbleibende Seitenstruktur mit Überschriften, Landmarken und einem Link „Zum Inhalt
  springen“,
- vollständige Bedienbarkeit per Tastatur mit sichtbarem Fokus,
- beschriftete Formularfelder und verständliche Fehlermeldungen, die Ihre Eingaben erhalten,
- ausreichende Farbkontraste und Text, der sich auf 200 % vergrößern lässt,
- alle Inhalte der Oberfläche auf Deutsch und Englisch, mit korrekt ausgezeichneter Sprache.

## Nicht barrierefreie Inhalte

- **Texte von Arbeitgebern:** Stellenanzeigen, Kursbeschreibungen und Profile schreiben die
  Organisationen selbst. Sie können etwa unklare Überschriften, Abkürzungen oder Fachsprache
  enthalten. Wir geben den Organisationen Hinweise für verständliche Anzeigen.
- **Logos:** Logos werden mit dem Namen der Organisation als Alternativtext versehen; darin
  enthaltener Text ist nicht gesondert beschrieben.
- **Verlinkte Seiten:** Bewerbungsseiten der Arbeitgeber liegen außerhalb unseres Einflusses.

Wir arbeiten daran, diese Einschränkungen zu verringern.

## Erstellung dieser Erklärung

Diese Erklärung beruht auf einer Selbstbewertung des Betreibers.
Erstellt am: [Datum – bitte ergänzen]. Zuletzt überprüft: [Datum – bitte ergänzen].

## Barrieren melden: Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder benötigen Sie Informationen in
einer anderen, für Sie zugänglichen Form? Schreiben Sie uns:

**Photonik-Cluster Thüringen (Demo-Angaben)**
E-Mail: [Kontaktadresse Barrierefreiheit – bitte ergänzen]
Telefon: [Telefonnummer – bitte ergänzen]

Wir antworten Ihnen so schnell wie möglich, spätestens innerhalb von sechs Wochen.

## Durchsetzungsverfahren und Schlichtung

Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende Antwort
erhalten haben, können Sie ein Schlichtungsverfahren einleiten. Es ist kostenlos, und Sie
brauchen dafür keinen Rechtsbeistand. Ziel ist eine außergerichtliche Einigung.

Zuständig ist – je nach Rechtsform des Betreibers – die Schlichtungsstelle nach § 16 des
Behindertengleichstellungsgesetzes (BGG) beim Beauftragten der Bundesregierung für die Belange
von Menschen mit Behinderungen oder die Durchsetzungs- bzw. Schlichtungsstelle des Freistaats
Thüringen. [Zuständige Stelle mit Anschrift – bitte vom Betreiber bestätigen und ergänzen.]
""",
    body_en="""\
> **Note: placeholder.** Contact details, the date of assessment and the responsible enforcement
> body must be completed or confirmed by the operator before the portal goes live.

The photonics cluster of Thuringia wants everyone to be able to use this portal — with a screen
reader, keyboard, magnification or voice input, on a phone or at a desk. This statement applies to
the "Photonik Karriere" website.

## Compliance status

The portal was developed to meet the German Accessible Information Technology Ordinance
(BITV 2.0) and the European standard EN 301 549, which is based on the Web Content Accessibility
Guidelines (WCAG) 2.1 at conformance level AA. In our assessment it is **partially compliant**:
the pages we design meet the requirements; the content listed below does not yet fully.

What you can expect includes:

- a consistent page structure with headings, landmarks and a "Skip to content" link,
- full keyboard operation with a visible focus,
- labelled form fields and clear error messages that keep what you entered,
- sufficient colour contrast and text that can be enlarged to 200 %,
- the whole interface in German and English, with the language correctly marked up.

## Content that is not accessible

- **Employers' texts:** postings, course descriptions and profiles are written by the organisations
  themselves. They may contain unclear headings, abbreviations or jargon. We give organisations
  guidance on writing clear postings.
- **Logos:** logos carry the organisation's name as alternative text; any further text inside a
  logo is not described separately.
- **Linked pages:** employers' application pages are outside our control.

We are working to reduce these limitations.

## Preparation of this statement

This statement is based on a self-assessment by the operator.
Prepared on: [date – to be completed]. Last reviewed: [date – to be completed].

## Feedback and contact

Have you found a barrier, or do you need information in another format that is accessible to you?
Please write to us:

**Photonik-Cluster Thüringen (Demo-Angaben)**
Email: [accessibility contact address – to be completed]
Phone: [phone number – to be completed]

We will answer as quickly as possible and within six weeks at the latest.

## Enforcement procedure and conciliation

If you have not received a satisfactory answer within six weeks, you can start a conciliation
procedure. It is free of charge and you do not need a lawyer. Its aim is an out-of-court agreement.

Depending on the operator's legal form, the responsible body is the conciliation body under
Section 16 of the German Disability Equality Act (Schlichtungsstelle nach § 16 BGG) at the Federal
Government Commissioner for Matters relating to Persons with Disabilities, or the enforcement and
conciliation body of the Free State of Thuringia. [Responsible body and address – to be confirmed
and completed by the operator.]
""",
)


ABOUT = PageSpec(
    slug="about",
    title_de="Über uns",
    title_en="About us",
    body_de="""\
**Photonik Karriere** ist das Talent- und Karriereportal des Photonik-Clusters Thüringen. Hier
finden Sie Stellen, Praktika, Abschlussarbeiten, Werkstudentenjobs, Ausbildungsplätze,
Promotions- und Postdoc-Stellen bei Unternehmen, Forschungsinstituten und Hochschulen der
Optik und Photonik in Thüringen – und die Weiterbildungen des Clusters und seiner Mitglieder.

## Licht als Beruf – seit über 175 Jahren

Jena, Erfurt, Ilmenau und ihre Nachbarstädte gehören seit der Zeit der Werkstätten von
Feinmechanikern, Glasmachern und Physikern im 19. Jahrhundert zu den wichtigsten Orten der
Optik weltweit. Heute arbeiten in Thüringen viele tausend Menschen in der Photonik: in
Weltmarktführern und kleinen Spezialfirmen, in Instituten der angewandten und der
Grundlagenforschung, an Universitäten und Hochschulen und in jungen Ausgründungen. Sie bauen
Laser und Objektive, Sensoren für Medizin und Klimaforschung, Optiken für Satelliten und Chips,
Quantentechnologien und die Software, die all das steuert.

## Was wir erreichen wollen

- **Nachwuchs gewinnen.** Wir zeigen Schülerinnen und Schülern, Studierenden und
  Absolventinnen und Absolventen, wie viele Wege in die Photonik führen – von der Ausbildung zur
  Feinoptikerin bis zur Promotion in Quantenoptik.
- **Erfahrene Fachkräfte halten und gewinnen.** Wer schon in der Branche arbeitet, findet hier
  den nächsten Schritt, auch in Teilzeit, auch als Führungskraft.
- **Erstklassige Ausbildung und Weiterbildung.** Die Mitglieder bilden selbst aus; das Cluster
  bündelt Kurse zu Lasersicherheit, Optikdesign, Messtechnik, Führung und vielem mehr.
- **International einstellen.** Viele Teams arbeiten auf Englisch. Unser Leitfaden
  „Arbeiten in Thüringen“ hilft beim Ankommen: Visum, Anerkennung von Abschlüssen,
  Wohnen, Sprache, Familie.
- **Mehr Frauen in Führung.** Wir machen Führung in Teilzeit, flexible Arbeitszeiten und
  familienfreundliche Angebote sichtbar – in jeder Anzeige und in jedem Arbeitgeberprofil.
- **Gründungen aus der Forschung.** Ausgründungen aus Instituten und Hochschulen sind ein Motor
  der Region. Wir geben ihnen dieselbe Bühne wie etablierten Unternehmen.

## Wie das Portal funktioniert

Arbeitgeber veröffentlichen ihre Anzeigen selbst; das Clusterteam prüft neue Organisationen und
Anzeigen, bevor sie erscheinen. Jede Anzeige nennt ein Gehalt oder eine Entgeltgruppe, wo immer
das möglich ist – Gehaltstransparenz ist uns wichtig. Bewerbungen gehen direkt an den
Arbeitgeber. Mit einem Jobabo erhalten Sie neue passende Anzeigen per E-Mail, ohne Konto und
jederzeit kündbar.

Das Portal kommt ohne Tracking, ohne Werbung und ohne Anfragen an Dritte aus. Es ist
zweisprachig und barrierearm gebaut.

## Mitmachen

Sie sind Arbeitgeber in der Thüringer Photonik und möchten Anzeigen veröffentlichen oder Mitglied
im Cluster werden? Registrieren Sie sich als Arbeitgeber oder schreiben Sie uns an
[Kontaktadresse – bitte ergänzen].
""",
    body_en="""\
**Photonik Karriere** is the talent and career portal of the photonics cluster of Thuringia. Here
you find jobs, internships, theses, working-student posts, apprenticeships, PhD and postdoc
positions at companies, research institutes and universities in optics and photonics across
Thuringia — and the training courses of the cluster and its members.

## Light as a profession — for more than 175 years

Since the workshops of nineteenth-century instrument makers, glassmakers and physicists, Jena,
Erfurt, Ilmenau and their neighbouring towns have been among the world's leading places for
optics. Today many thousands of people work in photonics in Thuringia: at world market leaders and
small specialist firms, at institutes of applied and fundamental research, at universities and
universities of applied sciences, and at young spin-offs. They build lasers and lenses, sensors for
medicine and climate research, optics for satellites and chip making, quantum technologies, and the
software that runs all of it.

## What we want to achieve

- **Win young talent.** We show school pupils, students and graduates how many paths lead into
  photonics — from an apprenticeship as a precision optician to a PhD in quantum optics.
- **Keep and attract experienced staff.** People already working in the field find their next step
  here, part-time too, and in leadership roles.
- **First-class training.** Our members train apprentices themselves; the cluster brings together
  courses on laser safety, optical design, metrology, leadership and much more.
- **Hire internationally.** Many teams work in English. Our guide "Working in Thuringia" helps you
  settle in: visas, recognition of degrees, housing, language, family.
- **More women in leadership.** We make part-time leadership, flexible hours and family-friendly
  benefits visible — in every posting and every employer profile.
- **Start-ups from research.** Spin-offs from institutes and universities drive the region. We give
  them the same stage as established companies.

## How the portal works

Employers publish their own postings; the cluster team checks new organisations and postings before
they appear. Every posting states a salary or a pay grade wherever possible — pay transparency
matters to us. Applications go directly to the employer. With a job alert you receive new matching
postings by email, without an account and cancellable at any time.

The portal works without tracking, without advertising and without requests to third parties. It is
bilingual and built to be accessible.

## Join in

Are you an employer in Thuringian photonics who wants to publish postings or become a member of the
cluster? Register as an employer or write to us at [contact address – to be completed].
""",
)


GUIDE = PageSpec(
    slug="working-in-thuringia",
    title_de="Arbeiten in Thüringen – Leitfaden für internationale Fachkräfte",
    title_en="Working in Thuringia — a guide for international applicants",
    body_de="""\
Sie überlegen, für eine Stelle in der Photonik nach Thüringen zu kommen? Dieser Leitfaden gibt
einen ersten Überblick: über Aufenthaltsrecht und Anerkennung, über das Leben in Jena, Erfurt und
Ilmenau und darüber, was die Begriffe in deutschen Stellenanzeigen bedeuten.

> **Keine Rechtsberatung.** Die Regeln für Visa und Aufenthalt ändern sich, und Ihr Fall kann
> anders liegen. Verbindlich sind allein die Auskünfte der zuständigen Stellen. Prüfen Sie die
> aktuellen Voraussetzungen immer bei den unten genannten offiziellen Quellen.

## 1. Aufenthalt und Arbeitserlaubnis

**Staatsangehörige der EU, des EWR und der Schweiz** brauchen weder Visum noch Arbeitserlaubnis.
Sie melden sich wie alle anderen nach dem Umzug beim Bürgeramt an.

**Alle anderen** brauchen in der Regel einen Aufenthaltstitel, der die Beschäftigung erlaubt. Für
Fachkräfte der Photonik kommen vor allem in Frage:

- **Blaue Karte EU** – für Menschen mit Hochschulabschluss und einem Arbeitsvertrag, dessen
  Gehalt eine jährlich neu festgelegte Mindestgrenze erreicht. Für Ingenieurberufe,
  Naturwissenschaften und IT gilt eine niedrigere Grenze. Die Blaue Karte erleichtert den
  Familiennachzug und den Weg zur Niederlassungserlaubnis.
- **Aufenthaltserlaubnis für Fachkräfte** – für Menschen mit anerkanntem Berufs- oder
  Hochschulabschluss, auch unterhalb der Gehaltsgrenze der Blauen Karte.
- **Aufenthaltserlaubnis für Forschende** – für Forschende, auch Promovierende, mit einer
  Aufnahmevereinbarung eines anerkannten Forschungsinstituts oder einer Hochschule. Für
  Promotionsstellen mit Arbeitsvertrag ist je nach Fall auch die Blaue Karte möglich.
- **Chancenkarte** – zur Arbeitsplatzsuche in Deutschland, vergeben nach einem Punktesystem.

Das Visum beantragen Sie vor der Einreise bei der deutschen Auslandsvertretung in Ihrem Land.
Termine sind dort oft knapp – planen Sie mehrere Monate ein. Arbeitgeber können das
**beschleunigte Fachkräfteverfahren** bei der Ausländerbehörde beantragen; fragen Sie danach,
wenn eine Anzeige „Visa-Unterstützung“ nennt. Nach der Einreise ist die Ausländerbehörde Ihres
Wohnorts zuständig.

**Offizielle Quellen:** das Portal „Make it in Germany“ der Bundesregierung, die Visa-Seiten des
Auswärtigen Amts und der deutschen Auslandsvertretungen, das Bundesamt für Migration und
Flüchtlinge (BAMF) sowie in Thüringen die Welcome-Services der Thüringer Agentur für
Fachkräftegewinnung (ThAFF).

## 2. Anerkennung von Abschlüssen

Für viele Stellen in der Industrie ist eine formale Anerkennung nicht nötig, für das Visum aber oft
schon. Hochschulabschlüsse prüfen Sie zuerst in der Datenbank **anabin** der
Kultusministerkonferenz. Ist Ihr Abschluss dort nicht eindeutig verzeichnet, stellt die
**Zentralstelle für ausländisches Bildungswesen (ZAB)** eine Zeugnisbewertung aus. Für
Berufsabschlüsse und reglementierte Berufe informiert das Portal **„Anerkennung in
Deutschland“** des Bundesinstituts für Berufsbildung, welche Stelle zuständig ist. Beginnen Sie
damit früh: Die Verfahren dauern oft einige Wochen bis Monate.

## 3. Leben in Thüringen

Thüringen liegt in der Mitte Deutschlands: Von Erfurt erreichen Sie Berlin, Frankfurt und München
mit dem ICE in rund anderthalb bis zweieinhalb Stunden. Mieten sind deutlich niedriger als in den
großen Metropolen, Wälder und Berge sind nie weit.

- **Jena** ist das Herz der Thüringer Optik: eine junge Universitätsstadt mit rund 110.000
  Einwohnern, vielen Instituten und Firmen und einer großen internationalen Gemeinschaft.
  Wohnungen sind gefragt – suchen Sie früh und fragen Sie Ihren Arbeitgeber nach Unterstützung.
- **Erfurt** ist die Landeshauptstadt mit rund 215.000 Einwohnern, einer schönen Altstadt, einem
  Bahnknoten und vergleichsweise entspanntem Wohnungsmarkt.
- **Ilmenau** ist eine kleine Hochschulstadt am Thüringer Wald, geprägt von ihrer Technischen
  Universität – mit Studierenden aus aller Welt, kurzen Wegen und viel Natur.
- **Weimar, Gera, Suhl, Saalfeld** und weitere Orte bieten Kultur, günstigen Wohnraum und
  spezialisierte Arbeitgeber.

Nach dem Umzug melden Sie Ihre Wohnung binnen zwei Wochen beim Bürgeramt an. Sie erhalten dann
Ihre Steuer-Identifikationsnummer. Eine Krankenversicherung ist Pflicht; als Beschäftigte sind
Sie in der Regel gesetzlich versichert, und der Arbeitgeber zahlt die Hälfte der Beiträge.

## 4. Deutsch lernen

In vielen Teams der Photonik ist Englisch Arbeitssprache – im Alltag, bei Behörden und für die
Karriere hilft Deutsch aber sehr. Angebote gibt es bei den **Volkshochschulen**, den
**Sprachenzentren** der Hochschulen, in **Integrationskursen** des BAMF und bei privaten
Sprachschulen. Viele Arbeitgeber zahlen Sprachkurse oder geben Zeit dafür; achten Sie in Anzeigen
auf den Vorteil „Sprachkurse“. Sprachniveaus werden nach dem Europäischen Referenzrahmen angegeben
(A1 bis C2): „Deutsch B2“ heißt, dass Sie sich im Berufsalltag selbstständig verständigen können.

## 5. Familie

Kinder haben ab dem ersten Geburtstag einen Rechtsanspruch auf einen Platz in einer
Kindertagesstätte (Kita); melden Sie Ihr Kind möglichst früh an. Die Schulpflicht beginnt in der
Regel mit sechs Jahren. Für Kinder gibt es Kindergeld bei der Familienkasse. Ehepartnerinnen und
-partner von Inhaberinnen und Inhabern der Blauen Karte dürfen in Deutschland arbeiten. Viele
Arbeitgeber im Cluster bieten flexible Arbeitszeiten, Teilzeit – auch in Führung – und Hilfe bei
der Suche nach Kita-Plätzen.

## 6. Deutsche Stellenanzeigen verstehen

- **(m/w/d)** – männlich/weiblich/divers. Stellen müssen geschlechtsneutral ausgeschrieben
  werden; der Zusatz sagt: Alle sind angesprochen. Dasselbe bedeuten Schreibweisen wie
  „Ingenieur*in“.
- **Tarifvertrag, TV-L** – Universitäten und viele Institute zahlen nach dem Tarifvertrag für den
  öffentlichen Dienst der Länder. Die **Entgeltgruppe** hängt von Abschluss und Aufgaben ab:
  **E13** ist typisch für Stellen mit Master oder Diplom in der Wissenschaft, **E14** für Leitung
  oder Postdocs mit besonderer Verantwortung. Innerhalb der Gruppe steigt das Gehalt mit den
  **Erfahrungsstufen**. Die aktuellen Entgelttabellen sind öffentlich.
- **„TV-L E13 (65 %)“** – eine Teilzeitstelle mit 65 % der regulären Arbeitszeit und des Gehalts,
  üblich bei Promotionsstellen.
- **befristet / unbefristet** – Stellen in der Wissenschaft sind oft befristet, etwa auf die Dauer
  eines Projekts oder einer Promotion.
- **Probezeit** – meist sechs Monate, in denen beide Seiten mit kurzer Frist kündigen können.
- **Brutto / Netto** – Gehälter werden brutto angegeben, also vor Steuern und
  Sozialversicherung. Was ausgezahlt wird, hängt u. a. von der Steuerklasse ab.
- **Werkstudent*in** – eine bezahlte Stelle für eingeschriebene Studierende, im Semester meist bis
  zu 20 Stunden pro Woche.
- **Praktikum** – ein Pflichtpraktikum gehört zum Studium; ein freiwilliges Praktikum über drei
  Monate wird mindestens mit dem gesetzlichen Mindestlohn bezahlt.
- **Abschlussarbeit** – Bachelor- oder Masterarbeit in einem Unternehmen oder Institut, betreut
  gemeinsam mit der Hochschule.
- **Ausbildung** – die duale Berufsausbildung, meist drei bis dreieinhalb Jahre im Betrieb und in
  der Berufsschule, mit monatlicher Ausbildungsvergütung. **Duales Studium** verbindet ein
  Studium mit Praxisphasen im Unternehmen.
- **Gleitzeit** – flexible Arbeitszeit innerhalb eines Rahmens; **30 Tage Urlaub** sind in vielen
  Firmen und im TV-L üblich (das Gesetz garantiert mindestens 20 Tage bei einer Fünftagewoche).
- **Betriebliche Altersvorsorge**, **vermögenswirksame Leistungen (VL)**,
  **Jahressonderzahlung** – zusätzliche Leistungen des Arbeitgebers.
- **Bewerbungsunterlagen** – meist ein Anschreiben, ein Lebenslauf und Zeugnisse. Ein Foto ist
  nicht erforderlich, und Angaben zu Alter, Familienstand oder Herkunft müssen Sie nicht machen.
- **„Schwerbehinderte Menschen werden bei gleicher Eignung bevorzugt“** – ein gesetzlich
  vorgesehener Hinweis vor allem bei öffentlichen Arbeitgebern.

## 7. Hilfe vor Ort

Fragen Sie Ihren künftigen Arbeitgeber: Viele Mitglieder des Clusters haben Erfahrung mit
internationalen Einstellungen und helfen bei Visum, Wohnungssuche und Behördengängen. Die
Welcome-Services der ThAFF beraten kostenlos, und die International Offices der Hochschulen
unterstützen Promovierende und Forschende. Willkommen in Thüringen!
""",
    body_en="""\
Thinking of coming to Thuringia for a job in photonics? This guide gives you a first overview: of
residence rules and the recognition of degrees, of life in Jena, Erfurt and Ilmenau, and of what
the terms in German job ads mean.

> **No legal advice.** Visa and residence rules change, and your case may differ. Only the
> responsible authorities can give binding information. Always check the current requirements with
> the official sources named below.

## 1. Residence and work permit

**Citizens of the EU, the EEA and Switzerland** need neither a visa nor a work permit. Like
everyone else, they register their address at the citizens' office (Bürgeramt) after moving.

**Everyone else** usually needs a residence title that allows employment. For photonics
professionals the most relevant are:

- **EU Blue Card** — for people with a university degree and an employment contract whose salary
  reaches a minimum threshold that is set anew every year. A lower threshold applies to
  engineering, the natural sciences and IT. The Blue Card makes family reunification easier and
  shortens the way to permanent residence.
- **Residence permit for skilled workers** — for people with a recognised vocational or university
  qualification, also below the Blue Card salary threshold.
- **Residence permit for researchers** — for doctoral researchers and scientists with a hosting
  agreement from a recognised research institute or university. For PhD positions with an
  employment contract a Blue Card may also be possible, depending on the case.
- **Opportunity Card (Chancenkarte)** — for looking for work in Germany, granted on a points system.

You apply for the visa before you enter, at the German embassy or consulate in your country.
Appointments are often scarce — allow several months. Employers can apply to the immigration office
for the **accelerated skilled-worker procedure**; ask about it when a posting mentions "visa
support". After arrival, the immigration office (Ausländerbehörde) of the town you live in is
responsible.

**Official sources:** the federal government's "Make it in Germany" portal, the visa pages of the
Federal Foreign Office and the German missions abroad, the Federal Office for Migration and Refugees
(BAMF) and, in Thuringia, the welcome services of the Thuringian Agency for Skilled Labour (ThAFF).

## 2. Recognition of your degree

Many industry jobs do not need formal recognition, but the visa often does. Check university degrees
first in the **anabin** database of the Standing Conference of the Ministers of Education. If your
degree is not clearly listed, the **Central Office for Foreign Education (ZAB)** issues a Statement
of Comparability. For vocational qualifications and regulated professions, the **"Recognition in
Germany"** portal of the Federal Institute for Vocational Education and Training tells you which
authority is responsible. Start early: the procedures often take weeks or months.

## 3. Living in Thuringia

Thuringia lies at the centre of Germany: from Erfurt, ICE trains reach Berlin, Frankfurt and Munich
in about one and a half to two and a half hours. Rents are much lower than in the big metropolitan
areas, and forests and hills are never far away.

- **Jena** is the heart of Thuringian optics: a young university town of about 110,000 people with
  many institutes and companies and a large international community. Flats are in demand — start
  looking early and ask your employer for help.
- **Erfurt** is the state capital with about 215,000 inhabitants, a beautiful old town, a major
  railway hub and a comparatively relaxed housing market.
- **Ilmenau** is a small university town on the edge of the Thuringian Forest, shaped by its
  technical university — with students from all over the world, short distances and plenty of
  nature.
- **Weimar, Gera, Suhl, Saalfeld** and other towns offer culture, affordable housing and
  specialised employers.

After moving you register your address at the Bürgeramt within two weeks and then receive your tax
identification number. Health insurance is compulsory; as an employee you are usually insured in the
statutory system, and your employer pays half of the contributions.

## 4. Learning German

English is the working language in many photonics teams — but German helps a great deal in daily
life, with the authorities and for your career. Courses are offered by the adult education centres
(**Volkshochschulen**), the universities' **language centres**, the **integration courses** of the
BAMF and private language schools. Many employers pay for language courses or give you time for
them; look for the benefit "language courses" in postings. Language levels follow the Common
European Framework of Reference (A1 to C2): "German B2" means you can handle everyday work
situations independently.

## 5. Family

From their first birthday, children have a legal right to a place in a day-care centre (Kita);
register your child as early as you can. School usually starts at the age of six. The family
benefits office (Familienkasse) pays child benefit (Kindergeld). Spouses of EU Blue Card holders
may work in Germany. Many employers in the cluster offer flexible hours and part-time work —
leadership roles included — and help with finding day care.

## 6. Understanding German job ads

- **(m/w/d)** — male/female/diverse. Job ads in Germany must address all genders; the suffix says
  everyone is welcome. Spellings such as "Ingenieur*in" mean the same.
- **Collective agreement, TV-L** — universities and many institutes pay according to the collective
  agreement for the public service of the German states. The **pay group** depends on your degree
  and duties: **E13** is typical for research posts requiring a master's degree, **E14** for group
  leaders or postdocs with special responsibility. Within a group, pay rises with **experience
  levels** (Stufen). The current pay tables are public.
- **"TV-L E13 (65 %)"** — a part-time post at 65 % of regular hours and pay, common for PhD
  positions.
- **befristet / unbefristet** — fixed-term / permanent. Research posts are often fixed-term, for
  example for the length of a project or a PhD.
- **Probezeit** — probation, usually six months, during which both sides can give notice at short
  notice.
- **Brutto / Netto** — salaries are stated gross, before tax and social security. What you take
  home depends on your tax class, among other things.
- **Werkstudent / working student** — a paid job for enrolled students, usually up to 20 hours a
  week during term.
- **Praktikum / internship** — a compulsory internship is part of a degree programme; a voluntary
  internship of more than three months is paid at least the statutory minimum wage.
- **Abschlussarbeit** — a bachelor's or master's thesis written at a company or institute,
  supervised together with the university.
- **Ausbildung** — Germany's dual vocational training: usually three to three and a half years at
  the company and at vocational school, with a monthly training allowance. **Duales Studium**
  combines a degree course with practical phases at a company.
- **Gleitzeit** — flexitime within a set frame; **30 days of leave** are common in companies and
  under the TV-L (the law guarantees at least 20 days for a five-day week).
- **Betriebliche Altersvorsorge** (company pension), **vermögenswirksame Leistungen** (employer
  savings contributions), **Jahressonderzahlung** (annual bonus) — extra employer benefits.
- **Bewerbungsunterlagen** — application documents, usually a cover letter, a CV and certificates.
  A photo is not required, and you need not state your age, marital status or origin.
- **"Severely disabled persons are given preference if equally qualified"** — a statutory note,
  mainly in ads of public employers.

## 7. Help on the spot

Ask your future employer: many members of the cluster are experienced in international hiring and
help with visas, flat hunting and paperwork. The ThAFF welcome services advise free of charge, and
the universities' international offices support doctoral researchers and scientists. Welcome to
Thuringia!
""",
)


PAGES: tuple[PageSpec, ...] = (IMPRINT, PRIVACY, ACCESSIBILITY, ABOUT, GUIDE)
PAGE_SLUGS: tuple[str, ...] = tuple(spec.slug for spec in PAGES)


def default_page(slug: str) -> PageSpec | None:
    """The shipped text of a standard page (e.g. to show staff what it started as)."""
    return next((spec for spec in PAGES if spec.slug == slug), None)


def ensure_pages() -> int:
    """Create the standard pages that are missing; never touch a page that exists.

    Staff edit pages after they are created, so an existing page always wins over the text
    shipped here. Flushes but does not commit. Returns how many standard pages exist afterwards.
    """
    existing = set(db.session.scalars(sa.select(Page.slug).where(Page.slug.in_(PAGE_SLUGS))))
    for spec in PAGES:
        if spec.slug not in existing:
            db.session.add(
                Page(
                    slug=spec.slug,
                    title_de=spec.title_de,
                    title_en=spec.title_en,
                    body_de=spec.body_de,
                    body_en=spec.body_en,
                )
            )
    db.session.flush()
    return len(PAGES)


# --- editing by cluster staff ------------------------------------------------------------------

PAGE_FIELDS = ("title_de", "title_en", "body_de", "body_en")


def editable_pages() -> list[Page]:
    """The content pages in the order of PAGES, then any others by slug."""
    order = {slug: n for n, slug in enumerate(PAGE_SLUGS)}
    pages = db.session.scalars(sa.select(Page)).all()
    return sorted(pages, key=lambda page: (order.get(page.slug, len(order)), page.slug))


def get_page(slug: str) -> Page | None:
    return db.session.scalar(sa.select(Page).where(Page.slug == slug))


def _clean(text: str | None) -> str:
    """Browsers send text areas with CRLF line ends; store LF, without outer blank space."""
    return (text or "").replace("\r\n", "\n").strip()


def update_page(page: Page, values: dict[str, str], actor: User) -> list[str]:
    """Change titles and texts; the audit event keeps the old and new text of each field
    changed, so every version of the imprint or privacy notice can be traced."""
    wanted = {name: _clean(values[name]) for name in PAGE_FIELDS if name in values}
    changed = [name for name, value in wanted.items() if value != _clean(getattr(page, name))]
    if not changed:
        return []
    before = {name: getattr(page, name) for name in changed}
    for name in changed:
        setattr(page, name, wanted[name])
    after = {name: getattr(page, name) for name in changed}
    audit.record(actor, "page.update", page, before=before, after=after, slug=page.slug)
    db.session.flush()
    return changed
