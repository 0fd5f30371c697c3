"""The site's four target groups exist: people subjected to violence, relatives and others
who are worried, people who use violence, professionals. The questions app stores who asked
as one of them (questions/migrations/0004), so they must be there whether or not the demo
articles were ever loaded.

A group that exists keeps its names, description and order as editors left them; only the
new `self_description` is filled in, in the languages where it is still empty. A missing
group is created with these texts.

Where the texts come from: names and descriptions in bokmål and English (and the Arabic
and Polish names) from articles/data/demo_articles.json, nynorsk written here; the names in
the other languages are the translations of the questions' former "Asked by" labels, and
`self_description` is the former asker roles' labels ("I am or have been subjected to
violence or abuse" …) with their translations from locale/<language>/LC_MESSAGES/django.po,
so that nothing translated was lost when the questions' own list went."""

from django.db import migrations

GROUPS = [
    {
        "slug": "utsatt",
        "name": {
            "nb": "Utsatt for vold",
            "nn": "Utsett for vald",
            "en": "Subjected to violence",
            "se": "Sii geat vásihit veahkaválddi dahje illastemiid",
            "ar": "من تعرّضوا للعنف أو الاعتداء",
            "ckb": "ئەو کەسانەی توندوتیژی یان دەستدرێژییان بەرامبەر دەکرێت",
            "so": "Dadka rabshadaha ama xadgudubka loo geysto",
            "th": "ผู้ที่ถูกกระทำความรุนแรงหรือการล่วงละเมิด",
            "tr": "Şiddete veya istismara maruz kalanlar",
            "ur": "وہ لوگ جنہیں تشدد یا زیادتی کا سامنا ہے",
            "fa": "کسانی که در معرض خشونت یا آزار هستند",
            "ru": "Люди, пострадавшие от насилия или жестокого обращения",
            "es": "Personas que sufren violencia o abusos",
            "fr": "Personnes qui subissent des violences ou des abus",
            "pl": "Osoby doświadczające przemocy",
        },
        "description": {
            "nb": ("For deg som blir eller har blitt utsatt for vold, trusler, voldtekt eller "
                   "andre seksuelle overgrep. Her finner du informasjon om hva du kan gjøre, og "
                   "hvor du kan få hjelp."),
            "nn": ("For deg som blir eller har blitt utsett for vald, truslar, valdtekt eller "
                   "andre seksuelle overgrep. Her finn du informasjon om kva du kan gjere, og "
                   "kvar du kan få hjelp."),
            "en": ("For you who are being or have been subjected to violence, threats, rape or "
                   "other sexual abuse. Here you will find information about what you can do and "
                   "where to get help."),
        },
        "self_description": {
            "nb": "Jeg er eller har vært utsatt for vold eller overgrep",
            "nn": "Eg er eller har vore utsett for vald eller overgrep",
            "en": "I am or have been subjected to violence or abuse",
            "se": "Mun vásihan dahje lean vásihan veahkaválddi dahje illastemiid",
            "ar": "أتعرّض أو تعرّضت للعنف أو الاعتداء",
            "ckb": "توندوتیژی یان دەستدرێژیم بەرامبەر دەکرێت یان کراوە",
            "so": "Rabshad ama xadgudub ayaa la ii geystaa ama hore ayaa la ii geystay",
            "th": "ฉันกำลังถูกหรือเคยถูกกระทำความรุนแรงหรือการล่วงละเมิด",
            "tr": "Şiddete ya da istismara maruz kalıyorum veya kaldım",
            "ur": "مجھے تشدد یا زیادتی کا سامنا ہے یا رہا ہے",
            "fa": "در معرض خشونت یا آزار هستم یا بوده‌ام",
            "ru": "Я подвергаюсь или подвергался(-ась) насилию или жестокому обращению",
            "es": "Sufro o he sufrido violencia o abusos",
            "fr": "Je subis ou j'ai subi des violences ou des abus",
            "pl": "Osoba, która doświadcza lub doświadczyła przemocy albo wykorzystywania",
        },
    },
    {
        "slug": "parorende",
        "name": {
            "nb": "Pårørende og bekymret",
            "nn": "Pårørande og uroleg",
            "en": "Family, friends and the worried",
            "se": "Oapmahaččat ja earát geat leat fuolas",
            "ar": "الأقارب ومن يشعرون بالقلق على شخص ما",
            "ckb": "خزمان و کەسانی تر کە نیگەرانن",
            "so": "Qaraabada iyo dadka kale ee welwelsan",
            "th": "ญาติและผู้อื่นที่เป็นห่วง",
            "tr": "Yakınlar ve endişelenen diğer kişiler",
            "ur": "رشتہ دار اور دوسرے فکرمند لوگ",
            "fa": "نزدیکان و دیگر کسانی که نگران‌اند",
            "ru": "Родственники и другие, кто беспокоится",
            "es": "Familiares y otras personas preocupadas",
            "fr": "Proches et autres personnes inquiètes",
            "pl": "Bliscy i osoby zaniepokojone",
        },
        "description": {
            "nb": ("For deg som er familie, venn, nabo eller kollega og er bekymret for at noen "
                   "blir utsatt for vold eller overgrep. Du kan gjøre en stor forskjell."),
            "nn": ("For deg som er familie, ven, nabo eller kollega og er uroleg for at nokon "
                   "blir utsett for vald eller overgrep. Du kan gjere ein stor skilnad."),
            "en": ("For family members, friends, neighbours or colleagues who are worried that "
                   "someone is being subjected to violence or abuse. You can make a real "
                   "difference."),
        },
        "self_description": {
            "nb": "Jeg er pårørende eller bekymret for noen",
            "nn": "Eg er pårørande eller uroleg for nokon",
            "en": "I am a relative or worried about someone",
            "se": "Mun lean oapmahaš dahje fuolas muhtumis",
            "ar": "أنا من أقارب شخص ما أو أشعر بالقلق عليه",
            "ckb": "خزمم یان کەسێکی نزیکم، یان نیگەرانی کەسێکم",
            "so": "Waxaan ahay qaraabo ama waxaan ka welwelsanahay qof",
            "th": "ฉันเป็นญาติหรือเป็นห่วงใครบางคน",
            "tr": "Bir yakınıyım ya da biri için endişeleniyorum",
            "ur": "میں رشتہ دار ہوں یا کسی کے بارے میں فکرمند ہوں",
            "fa": "از نزدیکان کسی هستم یا نگران کسی هستم",
            "ru": "Я родственник(-ца) или беспокоюсь о ком-то",
            "es": "Soy familiar o persona cercana, o me preocupa alguien",
            "fr": "Je fais partie de l'entourage ou je m'inquiète pour quelqu'un",
            "pl": "Osoba bliska albo ktoś, kto się o kogoś martwi",
        },
    },
    {
        "slug": "utover",
        "name": {
            "nb": "Du som utøver vold",
            "nn": "Du som utøver vald",
            "en": "If you use violence",
            "se": "Sii geat geavahit veahkaválddi",
            "ar": "إذا كنتَ تمارس العنف",
            "ckb": "ئەو کەسانەی توندوتیژی بەکاردەهێنن",
            "so": "Dadka rabshadaha geysta",
            "th": "ผู้ที่ใช้ความรุนแรง",
            "tr": "Şiddet uygulayan kişiler",
            "ur": "وہ لوگ جو تشدد کرتے ہیں",
            "fa": "کسانی که خشونت به کار می‌برند",
            "ru": "Люди, которые применяют насилие",
            "es": "Personas que ejercen violencia",
            "fr": "Personnes qui exercent des violences",
            "pl": "Osoby stosujące przemoc",
        },
        "description": {
            "nb": ("For deg som har brukt vold eller er redd for at du kan komme til å gjøre "
                   "det. Det finnes hjelp til å stoppe, og det er mulig å endre seg."),
            "nn": ("For deg som har brukt vald eller er redd for at du kan kome til å gjere det. "
                   "Det finst hjelp til å stoppe, og det er mogleg å endre seg."),
            "en": ("For you who have used violence or are afraid that you might. Help to stop is "
                   "available, and change is possible."),
        },
        "self_description": {
            "nb": ("Jeg bruker eller har brukt vold, eller er redd for at jeg kan komme til å "
                   "gjøre det"),
            "nn": ("Eg brukar eller har brukt vald, eller er redd for at eg kan kome til å gjere "
                   "det"),
            "en": "I use or have used violence, or fear I might",
            "se": ("Mun geavahan dahje lean geavahan veahkaválddi, dahje balan ahte sáhtán "
                   "geavahit dan"),
            "ar": "أمارس العنف أو مارسته، أو أخشى أن أمارسه",
            "ckb": "توندوتیژی بەکاردەهێنم یان بەکارم هێناوە، یان دەترسم بەکاری بهێنم",
            "so": "Waxaan geystaa ama hore u geystay rabshad, ama waxaan ka baqayaa inaan geysto",
            "th": "ฉันใช้หรือเคยใช้ความรุนแรง หรือกลัวว่าตัวเองอาจใช้ความรุนแรง",
            "tr": "Şiddet uyguluyorum veya uyguladım ya da uygulayabileceğimden korkuyorum",
            "ur": "میرا رویہ پرتشدد ہے یا رہا ہے، یا مجھے ڈر ہے کہ ایسا ہو سکتا ہے",
            "fa": "خشونت به کار می‌برم یا به کار برده‌ام، یا می‌ترسم این کار را بکنم",
            "ru": "Я применяю или применял(а) насилие либо боюсь, что могу его применить",
            "es": "Ejerzo o he ejercido violencia, o temo llegar a hacerlo",
            "fr": "J'exerce ou j'ai exercé des violences, ou j'ai peur de le faire",
            "pl": "Osoba, która stosuje lub stosowała przemoc albo boi się, że może ją zastosować",
        },
    },
    {
        "slug": "fagfolk",
        "name": {
            "nb": "Fagfolk",
            "nn": "Fagfolk",
            "en": "Professionals",
            "se": "Fágaolbmot",
            "ar": "المختصّون",
            "ckb": "کارمەندانی پسپۆڕ",
            "so": "Xirfadlayaasha",
            "th": "บุคลากรวิชาชีพ",
            "tr": "Profesyoneller",
            "ur": "پیشہ ور افراد",
            "fa": "متخصصان",
            "ru": "Специалисты",
            "es": "Profesionales",
            "fr": "Professionnels",
            "pl": "Profesjonaliści",
        },
        "description": {
            "nb": ("For deg som møter mennesker berørt av vold og overgrep i jobben din, for "
                   "eksempel i helsetjenesten, skolen, barnehagen, NAV eller barnevernet."),
            "nn": ("For deg som møter menneske som er råka av vald og overgrep i jobben din, til "
                   "dømes i helsetenesta, skulen, barnehagen, NAV eller barnevernet."),
            "en": ("For you who meet people affected by violence and abuse through your work, "
                   "for example in health services, schools, kindergartens, NAV or child welfare "
                   "services."),
        },
        "self_description": {
            "nb": "Jeg spør som fagperson",
            "nn": "Eg spør som fagperson",
            "en": "I ask as a professional",
            "se": "Mun jearan fágaolmmožin",
            "ar": "أسأل بصفتي مختصًا",
            "ckb": "وەک کارمەندێکی پسپۆڕ پرسیار دەکەم",
            "so": "Waxaan u weydiinayaa xirfadle ahaan",
            "th": "ฉันถามในฐานะบุคลากรวิชาชีพ",
            "tr": "Bir profesyonel olarak soruyorum",
            "ur": "میرا سوال پیشہ ورانہ حیثیت سے ہے",
            "fa": "به‌عنوان متخصص می‌پرسم",
            "ru": "Я спрашиваю как специалист",
            "es": "Pregunto como profesional",
            "fr": "Je pose la question dans un cadre professionnel",
            "pl": "Specjalista",
        },
    },
]

TRANSLATED = ("name", "description", "self_description")


def _columns(model):
    return {field.name for field in model._meta.get_fields()}


def ensure_target_groups(apps, schema_editor):
    model = apps.get_model("core", "TargetGroup")
    columns = _columns(model)
    for order, texts in enumerate(GROUPS):
        group = model.objects.filter(slug=texts["slug"]).first()
        if group is None:
            group = model(slug=texts["slug"], order=order)
            fields = TRANSLATED
        else:
            fields = ("self_description",)
        for field in fields:
            values = texts[field]
            # The untranslated column holds the default language (as modeltranslation does).
            if not getattr(group, field):
                setattr(group, field, values["nb"])
            for language, value in values.items():
                column = f"{field}_{language}"
                if column in columns and not getattr(group, column):
                    setattr(group, column, value)
        group.save()


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_targetgroup_self_description"),
    ]

    operations = [
        # Backwards there is nothing to undo: the groups may be in use by then, and the
        # self descriptions go with their columns (0003).
        migrations.RunPython(ensure_target_groups, migrations.RunPython.noop),
    ]
