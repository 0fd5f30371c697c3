"""Demo content for the question service: published questions and answers in bokmål, and
the panel's answer snippets. Written for the demo (no real asker's words); the advice is
general and factual. Safe to run again: keyed on the public address and the snippet title."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from core.models import TargetGroup, Topic
from questions.models import AnswerSnippet, PanelRole, Question
from questions.services import demo_question_add

# (slug, topic, asked by (a target group's slug, or None for others), answered by, title,
#  question, answer)
QUESTIONS = [
    (
        "ma-barna-ha-samvaer-med-en-forelder-som-har-vaert-voldelig",
        "foreldretvist-og-samvaer",
        "utsatt",
        PanelRole.LAWYER,
        "Må barna ha samvær med en forelder som har vært voldelig?",
        "Jeg har flyttet fra barnas far etter at han har vært voldelig mot meg over lang tid. "
        "Barna har sett og hørt mye. Nå krever han samvær. Må jeg gå med på det?",
        "Det er bra at du tar kontakt, og at du tenker på hva som er best for barna.\n\n"
        "Utgangspunktet i barneloven er at barn har rett til samvær med begge foreldrene, men "
        "samvær skal alltid være til barnets beste. Barn skal ikke utsettes for vold, og det "
        "gjelder også å se og høre vold mot en forelder. Vold i familien er derfor noe av det "
        "viktigste som vektlegges når samvær skal avgjøres.\n\n"
        "Blir dere ikke enige, må dere først til mekling, for eksempel ved familievernkontoret. "
        "Fortell mekleren om volden: du kan be om å møte hver for dere. Blir dere fortsatt ikke "
        "enige, kan saken bringes inn for tingretten. Retten kan bestemme at det ikke skal være "
        "samvær, at samværet skal være begrenset, eller at det skal skje under tilsyn.\n\n"
        "Barn som er i stand til å danne seg egne synspunkter, skal få si sin mening, og "
        "meningen skal vektlegges etter alder og modenhet.\n\n"
        "Vi anbefaler at du får råd fra en advokat med erfaring fra barnesaker. Ta vare på "
        "dokumentasjon, som legejournaler, anmeldelser og meldinger. Krisesenteret kan også gi "
        "deg råd og støtte, og du kan ringe Vold- og overgrepslinjen på 116 006.",
    ),
    (
        "kan-jeg-ga-til-overgrepsmottaket-uten-a-anmelde",
        "voldtekt-og-seksuelle-overgrep",
        "utsatt",
        PanelRole.DOCTOR,
        "Kan jeg gå til overgrepsmottaket uten å anmelde?",
        "For noen dager siden ble jeg voldtatt av en jeg kjenner. Jeg vet ikke om jeg vil "
        "anmelde. Kan jeg likevel få hjelp, og er det for sent nå?",
        "Det du har vært utsatt for, er ikke din skyld. Du kan få hjelp uansett om du vil "
        "anmelde eller ikke.\n\n"
        "Overgrepsmottaket gir medisinsk undersøkelse og behandling, og samtaler etterpå. Du "
        "trenger ikke henvisning, og det er gratis. De kan også sikre spor og oppbevare dem en "
        "tid, slik at du kan bestemme deg senere om du vil anmelde. Spor svekkes med tiden, så "
        "det er best å komme så raskt som mulig, men det kan fortsatt være nyttig å komme etter "
        "flere dager. Ring gjerne først. Du finner nærmeste overgrepsmottak under «Finn hjelp».\n\n"
        "Hvis du vurderer å anmelde, har du rett til bistandsadvokat som staten betaler, og du "
        "kan få råd fra advokaten før du bestemmer deg.\n\n"
        "Mange får reaksjoner i tiden etterpå, som søvnproblemer, angst eller skam. Det er "
        "vanlige reaksjoner på noe som ikke er vanlig. Du kan snakke med noen på Vold- og "
        "overgrepslinjen, 116 006, hele døgnet. Støttesentrene mot incest og seksuelle overgrep "
        "tilbyr også samtaler.",
    ),
    (
        "jeg-har-slatt-partneren-min-hvor-kan-jeg-fa-hjelp",
        "bruker-vold",
        "utover",
        PanelRole.PSYCHOLOGIST,
        "Jeg har slått partneren min. Hvor kan jeg få hjelp til å slutte?",
        "Jeg har slått samboeren min flere ganger når vi krangler. Jeg angrer hver gang, men det "
        "skjer igjen. Jeg vil slutte. Hvem kan hjelpe meg?",
        "Det er modig å erkjenne at du bruker vold, og det er det viktigste første skrittet. "
        "Volden er ditt ansvar, men det går an å lære å slutte, og du trenger ikke gjøre det "
        "alene.\n\n"
        "Det finnes behandling for personer som bruker vold i nære relasjoner. Alternativ til "
        "Vold (ATV) har kontorer flere steder i landet, og flere familievernkontor har tilbud "
        "til deg som har brukt vold. Du kan ta kontakt selv, uten henvisning. Behandlerne har "
        "taushetsplikt, men de har, som alle andre, plikt til å avverge alvorlig vold, for "
        "eksempel hvis barn eller partneren din er i fare.\n\n"
        "Til du har fått hjelp: Legg merke til kroppens signaler når sinnet stiger, og gå ut av "
        "situasjonen før noe skjer. Bestem på forhånd hva du skal gjøre da, for eksempel å gå "
        "en tur.\n\n"
        "Bor det barn i familien, rammes de også av volden, selv når de ikke ser den. Det er en "
        "god grunn til å søke hjelp nå. Er noen i fare, ring 112.",
    ),
    (
        "hva-gjor-jeg-hvis-jeg-er-bekymret-for-en-elev",
        "barn-og-unge",
        "fagfolk",
        PanelRole.CHILD_WELFARE,
        "Hva gjør jeg hvis jeg er bekymret for at en elev blir slått hjemme?",
        "Jeg er lærer. En elev har hatt blåmerker flere ganger og virker redd for å gå hjem. "
        "Eleven har ikke sagt noe direkte. Hva bør jeg gjøre?",
        "Det er riktig å ta bekymringen på alvor. Du trenger ikke være sikker på at eleven "
        "blir utsatt for vold for å gjøre noe.\n\n"
        "Ansatte i skolen har opplysningsplikt til barnevernet når det er grunn til å tro at et "
        "barn blir mishandlet i hjemmet eller utsatt for annen alvorlig omsorgssvikt. "
        "Opplysningsplikten går foran taushetsplikten, og den er personlig. Følg gjerne skolens "
        "rutiner og snakk med ledelsen, men det er du som har ansvaret for at bekymringen blir "
        "meldt. Du kan også ringe barnevernet og drøfte saken uten å si hvem eleven er.\n\n"
        "Tror du at barnet er i akutt fare, ring politiet på 112. Utenfor barnevernets "
        "kontortid kan du kontakte barnevernvakten.\n\n"
        "Snakk gjerne med eleven, men uten å presse. Si at du har lagt merke til at eleven ikke "
        "har det bra, og at du er der om eleven vil fortelle. Ikke lov å holde på en "
        "hemmelighet. Ikke konfronter foreldrene: det kan sette barnet i fare og gjøre det "
        "vanskeligere å undersøke saken.",
    ),
    (
        "jeg-er-redd-for-mine-egne-seksuelle-tanker-om-barn",
        "bekymring-for-egne-tanker",
        None,
        PanelRole.PSYCHOLOGIST,
        "Jeg er redd for mine egne seksuelle tanker om barn",
        "Jeg har lenge hatt seksuelle tanker om barn. Jeg har aldri gjort noe, og jeg vil aldri "
        "skade noen, men tankene skremmer meg. Finnes det hjelp?",
        "Ja, det finnes hjelp, og det er bra at du søker den. Mange som har slike tanker, "
        "handler aldri på dem. Å snakke med en fagperson kan gjøre det lettere å håndtere "
        "tankene og å være trygg på at du ikke skader noen.\n\n"
        "«Det finnes hjelp» er et nasjonalt tilbud fra helsetjenesten for voksne som har "
        "seksuelle tanker om eller følelser for barn. Du kan chatte anonymt, og du kan få "
        "behandling hos psykolog eller psykiater. Du kan også snakke med fastlegen din. "
        "Helsepersonell har taushetsplikt.\n\n"
        "Noe kan være lurt allerede nå: Unngå situasjoner der du er alene med barn, og hold deg "
        "unna seksuelle bilder og filmer av barn. Slikt materiale viser overgrep mot virkelige "
        "barn, og det er straffbart å se på, laste ned eller dele det.\n\n"
        "Kjenner du at du står i fare for å gjøre noe, søk hjelp med en gang, for eksempel hos "
        "legevakten på 116 117.",
    ),
    (
        "hvordan-kan-jeg-hjelpe-en-venninne-som-blir-kontrollert",
        "vold-i-naere-relasjoner",
        "parorende",
        PanelRole.SOCIAL_WORKER,
        "Hvordan kan jeg hjelpe en venninne som blir kontrollert av kjæresten?",
        "Kjæresten til venninnen min sjekker telefonen hennes, bestemmer hvem hun kan treffe og "
        "blir sint når hun er ute uten ham. Hun sier at det ikke er så farlig. Hvordan kan jeg "
        "hjelpe uten å skyve henne bort?",
        "Det du beskriver, kan være psykisk vold og kontroll. Vold er ikke bare slag: å "
        "overvåke, isolere og true noen er også vold, og det gjør ofte stor skade over tid.\n\n"
        "Det viktigste du kan gjøre, er å være der for henne. Si at du er glad i henne og "
        "bekymret, og fortell konkret hva du har sett. Unngå å kritisere kjæresten hardt eller "
        "å stille ultimatum; det kan gjøre det vanskeligere for henne å snakke med deg. Mange "
        "som lever med vold, trenger tid før de er klare til å gjøre noe.\n\n"
        "Fortell henne at det finnes hjelp: Hun kan ringe Vold- og overgrepslinjen på "
        "116 006, og krisesentrene gir råd på telefon og et trygt sted å bo om hun trenger det. "
        "Det er gratis, og hun trenger ikke henvisning. Du kan også ringe selv for å få råd om "
        "hvordan du kan støtte henne.\n\n"
        "Tror du hun er i fare, ring 112.",
    ),
]

SNIPPETS = [
    (
        "Nødnumre",
        "Er du eller noen andre i fare nå, ring politiet på 112. Trenger du akutt legehjelp, "
        "ring 113. Legevakten har telefon 116 117.",
    ),
    (
        "Vold- og overgrepslinjen",
        "Du kan snakke med noen på Vold- og overgrepslinjen, 116 006. Den er gratis og åpen hele "
        "døgnet, og du kan være anonym.",
    ),
    (
        "Alarmtelefonen for barn og unge",
        "Er du under 18 år, kan du ringe Alarmtelefonen for barn og unge på 116 111. Den er "
        "gratis og åpen hele døgnet.",
    ),
    (
        "Krisesenter",
        "Krisesentrene gir råd, støtte og et trygt sted å bo for kvinner, menn og barn som er "
        "utsatt for vold eller trusler i nære relasjoner. Det er gratis, du trenger ikke "
        "henvisning, og du kan ringe hele døgnet.",
    ),
    (
        "Overgrepsmottak",
        "Overgrepsmottaket gir medisinsk hjelp og samtaler etter voldtekt og andre seksuelle "
        "overgrep, og kan sikre spor. Du trenger ikke henvisning, og du kan komme uten å "
        "anmelde.",
    ),
]


class Command(BaseCommand):
    help = "Load demo topics' published questions and answer snippets (safe to run again)."

    @transaction.atomic
    def handle(self, *args, **options):
        topics = {topic.slug: topic for topic in Topic.objects.all()}
        groups = {group.slug: group for group in TargetGroup.objects.all()}
        now = timezone.now()
        created = 0
        for number, (slug, topic, group, panel_role, title, question, answer) in enumerate(
            QUESTIONS
        ):
            if Question.objects.filter(public_slug=slug).exists():
                continue
            demo_question_add(
                topic=topics[topic],
                asker_group=groups[group] if group else None,
                answered_by_role=panel_role,
                title=title,
                text=question,
                answer=answer,
                slug=slug,
                received_at=now - dt.timedelta(days=40 + 9 * number),
            )
            created += 1
        snippets = 0
        for order, (title, text) in enumerate(SNIPPETS):
            _snippet, new = AnswerSnippet.objects.get_or_create(
                title_nb=title,
                defaults={"title": title, "text": text, "text_nb": text, "order": order},
            )
            snippets += new
        self.stdout.write(
            f"Demo questions: {created} published questions and {snippets} answer snippets added."
        )
