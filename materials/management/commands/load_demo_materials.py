"""A demo catalogue of information material, in bokmål and English, with stock in several
languages. Invented for the demo (the titles are like the real material's, the stock is
not). Safe to run again: keyed on the slug, and a second run keeps the stock as it is."""

from django.core.management.base import BaseCommand

from materials.models import Material
from materials.services import material_demo_add

K = Material.Kind

# (slug, kind, most per order, {language: stock}, (nb title, nb text), (en title, en text))
MATERIALS = [
    (
        "din-utvei-infokort",
        K.CARD,
        200,
        {"nb": 2500, "nn": 400, "en": 1200, "ar": 600, "so": 300, "pl": 300, "ru": 250, "fa": 200},
        (
            "Din utvei – infokort",
            "Lite kort i lommeformat med telefonnumrene til Vold- og overgrepslinjen (116 006), "
            "politiet og legevakten, og adressen til dinutvei.no. Lett å gi videre diskré.",
        ),
        (
            "Din utvei – info card",
            "A small pocket card with the numbers of the violence and abuse helpline "
            "(116 006), the police and the emergency medical service, and the address of "
            "dinutvei.no. Easy to hand over discreetly.",
        ),
    ),
    (
        "krisesenter-plakat",
        K.POSTER,
        20,
        {"nb": 300, "en": 120, "ar": 60, "so": 40, "pl": 40, "tr": 30},
        (
            "Plakat: Krisesentrene er åpne for deg",
            "A3-plakat om krisesentrene: gratis, uten henvisning, for kvinner, menn og barn. "
            "For venterom, legekontor, helsestasjoner og NAV-kontorer.",
        ),
        (
            "Poster: The shelters are open to you",
            "A3 poster about the crisis shelters: free, no referral, for women, men and "
            "children. For waiting rooms, GP surgeries, health centres and NAV offices.",
        ),
    ),
    (
        "hva-er-vold-brosjyre",
        K.BROCHURE,
        100,
        {"nb": 800, "nn": 150, "en": 400, "ar": 200, "so": 150, "pl": 150, "ru": 100, "ur": 80},
        (
            "Hva er vold i nære relasjoner?",
            "Brosjyre som forklarer fysisk, psykisk, seksuell, økonomisk og digital vold, og "
            "hvor man kan få hjelp. Skrevet i klart språk.",
        ),
        (
            "What is violence in close relationships?",
            "A brochure that explains physical, psychological, sexual, financial and digital "
            "violence, and where to get help. Written in plain language.",
        ),
    ),
    (
        "etter-voldtekt-brosjyre",
        K.BROCHURE,
        100,
        {"nb": 500, "en": 250, "ar": 100, "fa": 80, "so": 80},
        (
            "Etter en voldtekt – hva nå?",
            "Om overgrepsmottakene, å sikre spor, retten til bistandsadvokat og vanlige "
            "reaksjoner etterpå. For utdeling på legevakt, skole og hos helsesykepleier.",
        ),
        (
            "After a rape – what now?",
            "About the sexual assault centres, securing evidence, the right to a counsel for "
            "the victim, and common reactions afterwards. For emergency clinics, schools and "
            "school nurses.",
        ),
    ),
    (
        "til-deg-som-bruker-vold",
        K.BROCHURE,
        50,
        {"nb": 300, "en": 100, "pl": 60, "ru": 40},
        (
            "Til deg som bruker vold",
            "Brosjyre om hjelp til å slutte å bruke vold: samtaletilbud, Alternativ til Vold og "
            "hva som skjer når man tar kontakt.",
        ),
        (
            "For you who use violence",
            "A brochure about help to stop using violence: counselling, Alternative to "
            "Violence and what happens when you get in touch.",
        ),
    ),
    (
        "barn-og-unge-klistremerke",
        K.OTHER,
        100,
        {"nb": 1000, "nn": 200, "en": 300},
        (
            "Klistremerke for barn og unge",
            "Klistremerke med nummeret til Alarmtelefonen for barn og unge (116 111), til "
            "skoletoaletter, garderober og fritidsklubber.",
        ),
        (
            "Sticker for children and young people",
            "A sticker with the number of the helpline for children and young people "
            "(116 111), for school toilets, changing rooms and youth clubs.",
        ),
    ),
    (
        "negativ-sosial-kontroll-brosjyre",
        K.BROCHURE,
        50,
        {"nb": 200, "en": 120, "ar": 120, "so": 100, "ur": 80, "ckb": 60, "tr": 0},
        (
            "Negativ sosial kontroll og tvangsekteskap",
            "Brosjyre for ungdom og for fagfolk om retten til å velge selv, og om hjelp fra "
            "Kompetanseteamet og krisesentrene.",
        ),
        (
            "Negative social control and forced marriage",
            "A brochure for young people and professionals about the right to choose for "
            "yourself, and about help from the Expert Team and the shelters.",
        ),
    ),
    (
        "veileder-for-fagfolk",
        K.BROCHURE,
        10,
        {"nb": 0, "en": 25},
        (
            "Veileder: Å spørre om vold",
            "Veileder for fagfolk om hvordan man spør om vold, hva man gjør med svaret og når "
            "man har avvergeplikt. Tomt på lager i bokmål; nytt opplag kommer.",
        ),
        (
            "Guide: Asking about violence",
            "A guide for professionals on how to ask about violence, what to do with the "
            "answer and when the duty to avert applies. Out of stock in bokmål; a new "
            "printing is coming.",
        ),
    ),
]


class Command(BaseCommand):
    help = "Load a demo catalogue of information material (safe to run again)."

    def handle(self, *args, **options):
        for position, (slug, kind, most, stock, nb, en) in enumerate(MATERIALS):
            material_demo_add(
                slug=slug,
                kind=kind,
                titles={"nb": nb[0], "en": en[0]},
                descriptions={"nb": nb[1], "en": en[1]},
                stock=stock,
                max_per_order=most,
                position=position,
            )
        self.stdout.write(f"Demo materials: {len(MATERIALS)}.")
