"""The hand-written glossaries `translate.py` reads non-English prompts with (data only).

Per language: marker words (frequent words of that language that are not English; accents
stripped, as `normalize.py` leaves a view) and a glossary ``"source=english; prefix*=english; ..."``.
Rounds added to them in layers, kept apart below so each round's additions stay reviewable:
`_LANG` (the first nine languages), `_FUNCTION` (their function words), `_LANG_NEW` /
`_FUNCTION_NEW` (seventh round: sv, tl, sw, vi), `_MORE` (seventh round: everyday words and
idioms), `_MORE8` (eighth round). `GLOSSARIES` is the merged table the code uses.
"""

from __future__ import annotations

__all__ = ["GLOSSARIES", "ENGLISH_FUNCTION_WORDS", "LANGUAGES", "UNREADABLE_LANGUAGES"]

# Frequent English words, for the veto (a prompt with as many English markers as foreign ones
# is not glossed).
_ENGLISH = set(
    "the a an of and with is are was were on at for to his her their this that from by be it its "
    "into over under while who which what how she he they them you your my our some very i do no to so "
    "in as or not up out about then there here just one two all has have had can will would not".split()
)

ENGLISH_FUNCTION_WORDS = frozenset(_ENGLISH)

# Per language: marker words (frequent, not English words; accents stripped) and the glossary
# "source=target; ..." where a source may be several words and a final `*` takes any ending.
# Longer sources are applied first.
_LANG: dict[str, tuple[str, str]] = {
    "es": (
        "el la los las una unos unas del al y con por para que su sus muy como en hay mucha mucho "
        "hasta pero todo todas donde esta este ella ellos se le mi tu",
        """hombre*=man; mujer*=woman; chica=girl; chicas=girls; chico=boy; chicos=boys; nina=girl; ninas=girls;
        nino=child; ninos=children; nene*=child; bebe*=baby; adolescente*=teenager; menor de edad=underage; menores=minors;
        hija=daughter; hijo=son; padre=father; madre=mother; padrastro=stepfather; vecino*=neighbor; persona*=person;
        gente=people; alguien=someone; cuerpo*=body; anos=years old; escuela=school; colegio=school; alumna*=student;
        desnud*=naked; porno*=porn; pornografi*=porn; sexo=sex; sexual*=sexual; erotic*=erotic; masturb*=masturbating;
        follando=having sex; follar=have sex; cogiendo=having sex; haciendo el amor=making love; tetas=boobs; senos=breasts;
        pechos=breasts; bragas=panties; calzon*=panties; ropa interior=underwear; lenceria=lingerie; violad*=raped;
        violacion*=rape; violar=rape; explicit*=explicit; ducha=shower; cama=bed; sensual*=sensual; posando=posing;
        de forma sexy=sexy; abuso*=abuse; abusa*=abusing;
        apunal*=stabbing; golpeando=beating; sangra=bleeds; pequeno=small; pequena=small; acuchill*=stabbing; matar=kill; matando=killing; mata a=kills; asesin*=murdering; golpe de estado=coup;
        golpead*=beaten; golpes=blows; paliza=beating; pegando=hitting; disparando a=shooting; disparo*=gunshot;
        decapit*=beheaded; desmembr*=dismembered; descuartiz*=dismembered; tortur*=tortured; estrangul*=strangling;
        ahorcando*=hanging; ahorcad*=hanged; quemad*=burned; quemando=burning; sangre=blood; sangrando=bleeding;
        muerte=death; muerto*=dead; cadaver*=corpse; tripas=guts; hasta la muerte=to death; por todas partes=everywhere;
        suicid*=suicide; se suicida=kills himself; cortandose=cutting herself; cortarse=cut herself; se corta=cuts herself;
        munecas=wrists; brazos=arms; venas=veins; navaja=razor; cuchilla=blade; cuchillo=knife; pastillas=pills;
        puente=bridge; saltando=jumping; tirarse=throw herself;
        bomba casera=homemade bomb; bomba*=bomb; explosivo*=explosive; artefacto explosivo=explosive device; casera=homemade;
        casero=homemade; fabricar=make; construir=build; como fabricar=how to make; como hacer=how to make; clavos=nails;
        arma=weapon; armas=weapons; arma casera=homemade gun; pistola=pistol; atentado*=terror attack; terrorist*=terrorist;
        veneno=poison; envenen*=poisoning; paso a paso=step by step; tiroteo=shooting; escopeta=shotgun;
        judios=jews; musulmanes=muslims; inmigrantes=immigrants; arabes=arabs; gitanos=gypsies; africanos=africans;
        extranjeros=foreigners; animales=animals; ratas=rats; parasitos=parasites; alimanas=vermin; cucarachas=cockroaches;
        inferior*=inferior; raza=race; echarlos=kick them out; hay que matar=must kill; exterminar=exterminate;
        falso=fake; falsa=fake; falsos=fake; falsas=fake; video falso=fake video; noticias falsas=fake news;
        noticiero=newscast; noticias=news; anunciando=announcing; elecciones=election; fraude=fraud; realista=realistic;
        hoy=today; sobre=envelope; soborno=bribe; recibiendo=receiving; arrestad*=arrested; borracho=drunk""",
    ),
    "fr": (
        "le la les une des du au aux et avec pour que qui dans sur est sont tres sa ses ce cette il elle ils "
        "leur qu se",
        """homme*=man; femme*=woman; fille=girl; filles=girls; petite fille=little girl; garcon*=boy; enfant*=child;
        bebe*=baby; ado=teen; adolescent*=teenager; mineur*=minor; pere=father; mere=mother; beau pere=stepfather;
        voisin*=neighbor; quelqu un=someone; gens=people; personne*=person; corps=body; ans=years old; ecole=school;
        nue=naked; nu=naked; nues=naked; nus=naked; porno*=porn; pornographi*=porn; sexe=sex; sexuel*=sexual;
        erotique*=erotic; se masturbe=masturbating; masturb*=masturbating; baise*=having sex; faisant l amour=making love;
        seins=breasts; poitrine nue=bare breasts; culotte=panties; sous vetements=underwear; lingerie=lingerie;
        viol=rape; viole*=raped; violer=rape; explicite*=explicit; douche=shower; lit=bed; sensuel*=sensual; pose sexy=sexy pose;
        agress* sexuel*=sexual assault; attouchement*=molesting;
        poignard*=stabbed; se taillade=slashes herself; taillade*=slashing; fillette*=little girl; danse=dances; sousvetements=underwear; pour un adulte=for an adult; tuer=kill; tue=kills; tuant=killing; assassin*=murder; frappe*=beaten; a coups de pied=kicked;
        coups=blows; battu*=beaten; tabass*=beaten; tire sur=shoots; fusill*=shot; decapit*=beheaded; demembr*=dismembered;
        tortur*=tortured; etrangl*=strangled; pendu*=hanged; brule*=burned; sang=blood; saign*=bleeding; mort=death;
        a mort=to death; morts=dead; cadavre*=corpse; tripes=guts; partout=everywhere; ruelle=alley;
        se suicide=kills himself; suicid*=suicide; se taille=cuts herself; se couper=cut herself; se coupe=cuts herself;
        veines=veins; poignets=wrists; bras=arms; lame=blade; rasoir=razor; couteau=knife; cachets=pills; pilules=pills;
        pont=bridge; en sautant=jumping; se pend=hangs himself;
        bombe artisanale=homemade bomb; bombe*=bomb; engin explosif=explosive device; explosif*=explosive; artisanal*=homemade;
        fabriquer=make; comment fabriquer=how to make; construire=build; clous=nails; arme=weapon; armes=weapons;
        pistolet=pistol; fusil=rifle; attentat*=terror attack; terroris*=terrorist; poison=poison; empoisonn*=poisoning;
        etape par etape=step by step; fusillade=shooting;
        juifs=jews; musulmans=muslims; immigres=immigrants; arabes=arabs; noirs=black people; tsiganes=gypsies;
        roms=roma people; africains=africans; etrangers=foreigners; animaux=animals; rats=rats; parasites=parasites;
        vermine=vermin; cafards=cockroaches; inferieur*=inferior; race=race; eliminer=eliminate; a eliminer=to exterminate;
        dehors=out; exterminer=exterminate;
        faux=fake; fausse*=fake; fausse video=fake video; fausses nouvelles=fake news; journal televise=newscast;
        reportage=news report; annoncant=announcing; election*=election; fraude=fraud; reporte=postponed; annule*=cancelled;
        realiste=realistic; aujourd hui=today; manifestants=protesters; ivre=drunk; arrete=arrested;
        tuer le temps=pass the time; a mourir de rire=very funny; poitrine de poulet=chicken breast""",
    ),
    "de": (
        "der das den dem des ein eine einer einem einen und mit fur von zu ist sind nicht auf wird werden "
        "sich sein ihr ihre wie auch noch nach bei aus",
        """mann=man; manner=men; frau=woman; frauen=women; madchen=girl; junge=boy; jungen=boys; kind=child; kinder=children;
        baby=baby; jugendliche*=teenager; minderjahrig*=underage; vater=father; mutter=mother; stiefvater=stepfather;
        nachbar*=neighbor; jemand*=someone; leute=people; menschen=people; person=person; korper=body; jahre alt=years old;
        jahre=years old; jahrige*=year old; schule=school; schuler*=student;
        nackt*=naked; porno*=porn; sex=sex; sexuell*=sexual; erotisch*=erotic; masturb*=masturbating; ficken=fucking;
        fickt=fucks; busen=breasts; brust=breast; brusten=breasts; unterwasche=underwear; hoschen=panties; dessous=lingerie;
        vergewaltig*=raped; explizit*=explicit; dusche=shower; bett=bed; sinnlich*=sensual; pose=pose; missbrauch*=abuse;
        erstochen=stabbed; soldaten=soldiers; gefangene*=prisoners; erschiessen=shoot; ersticht=stabs; erstech*=stab; messerstich*=stabbing; toten=kill; totet=kills; getotet=killed;
        ermord*=murdered; mord=murder; zerstuckel*=dismembered; geschlagen=beaten; verprugel*=beaten; schlagt=beats;
        erschossen=shot dead; erschiess*=shoot; schiesst auf=shoots; enthauptet=beheaded; gefoltert=tortured; folter*=torture;
        erwurgt=strangled; erhangt=hanged; verbrannt=burned; blut=blood; blutend=bleeding; blutet=bleeding; tod=death;
        tot=dead; leiche*=corpse; axt=axe; uberall=everywhere; nahaufnahme=close up; realistisch=realistic;
        selbstmord=suicide; suizid*=suicide; bringt sich um=kills himself; schneidet sich=cuts herself; ritzt sich=cuts herself;
        ritzen=self harm; arme=arms; handgelenk*=wrists; pulsadern=wrists; klinge=blade; rasierklinge*=razor blade;
        messer=knife; tabletten=pills; brucke=bridge; springt=jumps;
        rohrbombe*=pipe bomb; nagelbombe*=nail bomb; bombe*=bomb; sprengsatz=explosive device; sprengstoff*=explosive;
        selbstgebaut*=homemade; selbst gebaut*=homemade; bauen=build; baut=builds; herstellen=make; anleitung=tutorial;
        wie man=how to; schritt fur schritt=step by step; nagel=nails; waffe=weapon; waffen=weapons; pistole=pistol;
        gewehr=rifle; anschlag=terror attack; anschlage=terror attacks; terror*=terrorist; gift=poison; vergift*=poisoning;
        amoklauf=mass shooting; schiesserei=shooting;
        juden=jews; muslime=muslims; moslems=muslims; auslander=foreigners; einwanderer=immigrants; migranten=migrants;
        fluchtlinge=refugees; araber=arabs; schwarze=black people; zigeuner=gypsies; afrikaner=africans; tiere=animals;
        ratten=rats; parasiten=parasites; ungeziefer=vermin; kakerlaken=cockroaches; minderwertig*=inferior; rasse=race;
        raus=out; schuld=to blame; ausrotten=exterminate; vernichten=exterminate; vergasen=gas them;
        gefalscht*=fake; falsch*=fake; fake=fake; nachrichten=news; nachrichtensendung=newscast; meldung=news report;
        wahl=election; wahlen=election; abgesagt=cancelled; verschoben=postponed; wahlbetrug=election fraud;
        betrug=fraud; heute=today; betrunken=drunk; verhaftet=arrested;
        bombenwetter=great weather; bombenstimmung=great mood; schiessbude=shooting gallery; zeit totschlagen=pass the time""",
    ),
    "pt": (
        "o os um uma uns umas do da dos das no na nos nas e com para por que ao muito como em se seu sua ela ele "
        "eles nao mais pelo pela",
        """homem=man; homens=men; mulher*=woman; menina*=girl; garota*=girl; menino*=boy; garoto*=boy; crianca*=child;
        bebe*=baby; adolescente*=teenager; menor de idade=underage; pai=father; mae=mother; padrasto=stepfather;
        vizinh*=neighbor; alguem=someone; gente=people; pessoa*=person; corpo=body; anos=years old; escola=school;
        nua=naked; nu=naked; nuas=naked; pelad*=naked; porno*=porn; pornografi*=porn; sexo=sex; sexual*=sexual;
        erotic*=erotic; masturb*=masturbating; transando=having sex; transar=have sex; fazendo amor=making love; seios=breasts;
        peitos=boobs; calcinha=panties; lingerie=lingerie; estupr*=raped; explicit*=explicit; chuveiro=shower; cama=bed;
        sensual=sensual; dancando sensual=dancing sexy; adulto=adult; abuso*=abuse;
        esfaque*=stabbed; apunhal*=stabbed; matar=kill; matando=killing; mata=kills; assassin*=murder; espancad*=beaten;
        espancando=beating; espancamento=beating; surra=beating; atirando em=shooting; baleado*=shot; decapitad*=beheaded;
        desmembr*=dismembered; tortur*=tortured; estrangul*=strangling; enforcando=hanging; enforcad*=hanged; queimad*=burned;
        sangue=blood; sangrando=bleeding; morte=death; ate a morte=to death; morto*=dead; cadaver*=corpse; espirrando=spraying;
        taco de beisebol=baseball bat;
        suicid*=suicide; se suicida=kills himself; se enforcando=hanging himself; se cortando=cutting herself; cortando os pulsos=cutting wrists;
        pulsos=wrists; bracos=arms; lamina=blade; gilete=razor blade; faca=knife; comprimidos=pills; ponte=bridge; pulando=jumping;
        bomba caseira=homemade bomb; bomba*=bomb; explosiv*=explosive; artefato explosivo=explosive device; caseira=homemade;
        caseiro=homemade; fabricar=make; fazer=make; construir=build; como fazer=how to make; ensinando a fazer=how to make;
        pregos=nails; arma=weapon; armas=weapons; arma caseira=homemade gun; pistola=pistol; fuzil=rifle; atentado*=terror attack;
        terrorist*=terrorist; veneno=poison; envenen*=poisoning; passo a passo=step by step; tiroteio=shooting;
        judeus=jews; muculmanos=muslims; imigrantes=immigrants; arabes=arabs; negros=black people; ciganos=gypsies;
        nordestinos=northeasterners; africanos=africans; estrangeiros=foreigners; animais=animals; ratos=rats;
        parasitas=parasites; vermes=vermin; baratas=cockroaches; inferior=inferior; raca=race; raca inferior=inferior race;
        expulsar=kick out; exterminar=exterminate;
        falso=fake; falsa=fake; video falso=fake video; noticias falsas=fake news; noticiario=newscast; jornal=newscast;
        noticia*=news; anunciando=announcing; dizendo=saying; eleic*=election; urnas=ballot boxes; fraudad*=rigged;
        fraude=fraud; oficial=official; parecendo oficial=looking official; realista=realistic; hoje=today; preso=arrested;
        algemado=handcuffed; chorando=crying; bebado=drunk; propina=bribe""",
    ),
    "it": (
        "il lo la gli le un uno una del della dei delle degli e con per che non nel nella sul sulla molto come da "
        "di suo sua lui lei loro si ci",
        """uomo=man; uomini=men; donna=woman; donne=women; ragazza=girl; ragazze=girls; ragazzo=boy; ragazzi=boys;
        bambina=little girl; bambino=child; bambini=children; neonat*=baby; adolescent*=teenager; minorenne*=underage;
        padre=father; madre=mother; patrigno=stepfather; vicin*=neighbor; qualcuno=someone; gente=people; persona*=person;
        corpo=body; anni=years old; scuola=school;
        nuda=naked; nudo=naked; nude=naked; nudi=naked; porno*=porn; pornografi*=porn; sesso=sex; sessual*=sexual;
        erotic*=erotic; masturb*=masturbating; scopa*=having sex; fa sesso=has sex; fanno sesso=have sex; facendo l amore=making love;
        seno=breasts; tette=boobs; mutandine=panties; intimo=underwear; lingerie=lingerie; stupr*=raped; violentat*=raped;
        esplicit*=explicit; doccia=shower; letto=bed; sensual*=sensual; abus*=abuse;
        accoltell*=stabbed; pugnal*=stabbed; uccid*=kill; ucciso=killed; ammazz*=killing; assassin*=murder;
        picchiat*=beaten; picchia*=beating; pestat*=beaten; sparat*=shot; spara a=shoots; decapitat*=beheaded;
        smembrat*=dismembered; tortur*=tortured; strangol*=strangled; impiccat*=hanged; bruciat*=burned; sangue=blood;
        a sangue=until bleeding; sanguinante=bleeding; morte=death; a morte=to death; morto*=dead; cadaver*=corpse;
        ovunque=everywhere; trapano=drill; realistico=realistic;
        suicid*=suicide; si uccide=kills himself; si taglia=cuts herself; tagliarsi=cut herself; braccia=arms; polsi=wrists;
        lametta=razor blade; lama=blade; coltello=knife; pillole=pills; ponte=bridge; salta=jumps; si impicca=hangs himself;
        bomba artigianale=homemade bomb; bomba*=bomb; esplosiv*=explosive; ordigno=explosive device; artigianale=homemade;
        fatto in casa=homemade; costruire=build; fabbricare=make; come costruire=how to build; come fare=how to make;
        chiodi=nails; arma=weapon; armi=weapons; pistola=pistol; fucile=rifle; attentat*=terror attack; terroris*=terrorist;
        veleno=poison; avvelen*=poisoning; passo passo=step by step; sparatoria=shooting;
        ebrei=jews; musulmani=muslims; immigrati=immigrants; arabi=arabs; negri=black people; zingari=gypsies;
        rom=roma people; africani=africans; stranieri=foreigners; animali=animals; ratti=rats; topi=rats; parassiti=parasites;
        scarafaggi=cockroaches; inferior*=inferior; razza=race; ladri=thieves; cacciare=kick out; da cacciare=to kick out;
        sterminare=exterminate;
        falso=fake; falsa=fake; finto=fake; finta=fake; video falso=fake video; notizie false=fake news; telegiornale=newscast;
        servizio=news report; notizi*=news; annuncia*=announcing; elezion*=election; brogli=fraud; frode=fraud; oggi=today;
        stamattina=this morning; ubriac*=drunk; arrestat*=arrested; bomba alla crema=cream doughnut; bomba di cioccolato=chocolate doughnut""",
    ),
    "nl": (
        "de het een en met voor zijn niet naar bij uit ook maar zich haar hij zij wordt worden",
        """man=man; mannen=men; vrouw*=woman; meisje*=girl; jongen*=boy; kind=child; kinderen=children; baby=baby;
        tiener*=teenager; minderjarig*=underage; vader=father; moeder=mother; stiefvader=stepfather; buurman=neighbor;
        buurvrouw=neighbor; iemand=someone; mensen=people; lichaam=body; jaar oud=years old; jaar=years old; school=school;
        naakt*=naked; porno*=porn; seks=sex; seksu*=sexual; erotisch*=erotic; masturb*=masturbating; neuken*=having sex;
        borsten=breasts; tieten=boobs; ondergoed=underwear; slipje=panties; verkracht*=raped; expliciet*=explicit;
        douche=shower; bed=bed; misbruik*=abuse;
        neergestoken=stabbed; snijdt zichzelf=cuts herself; snijdt=cuts; zichzelf=herself; uitroeien=exterminate; uit te roeien=exterminate; steekt=stabs; doodt=kills; doden=kill; vermoord*=murdered; doodgeslagen=beaten to death;
        geslagen=beaten; mishandeld=beaten; doodgeschoten=shot dead; schiet op=shoots; onthoofd*=beheaded;
        gemarteld=tortured; gewurgd=strangled; opgehangen=hanged; verbrand*=burned; bloed=blood; bloedend*=bleeding;
        dood=death; lijk*=corpse; overal=everywhere; realistisch=realistic;
        zelfmoord=suicide; suicide=suicide; snijdt zich=cuts herself; zichzelf snijden=cut herself; polsen=wrists; armen=arms;
        scheermes*=razor; mes=knife; pillen=pills; brug=bridge; springt=jumps;
        pijpbom*=pipe bomb; spijkerbom*=nail bomb; bom=bomb; bommen=bombs; explosie*=explosive; explosieven=explosives;
        zelfgemaakt*=homemade; maken=make; bouwen=build; hoe maak je=how to make; stap voor stap=step by step;
        spijkers=nails; wapen=weapon; wapens=weapons; pistool=pistol; geweer=rifle; aanslag*=terror attack;
        terroris*=terrorist; gif=poison; vergiftig*=poisoning; schietpartij=shooting;
        joden=jews; moslims=muslims; immigranten=immigrants; buitenlanders=foreigners; vluchtelingen=refugees;
        arabieren=arabs; zwarten=black people; zigeuners=gypsies; dieren=animals; ratten=rats; parasieten=parasites;
        ongedierte=vermin; kakkerlakken=cockroaches; minderwaardig*=inferior; ras=race; eruit=out; uitroeien=exterminate;
        nep=fake; vals*=fake; vervalst*=fake; nepnieuws=fake news; nieuws=news; journaal=newscast; verkiezing*=election;
        afgelast=cancelled; uitgesteld=postponed; fraude=fraud; vandaag=today; dronken=drunk; gearresteerd=arrested""",
    ),
    "pl": (
        "i w z na do sie jest sa nie od po jak ze dla przez ktory ktora jego jej ich ten ta to bardzo oraz",
        """mezczyzn*=man; kobiet*=woman; dziewczyn*=girl; dziewczynk*=little girl; chlopak*=boy; chlopiec=boy; chlopca=boy;
        chlopcy=boys; dziecko=child; dzieci=children; dziecka=child; niemowl*=baby; nastolat*=teenager; nieletni*=underage;
        ojciec=father; matka=mother; ojczym=stepfather; sasiad*=neighbor; ktos=someone; ludzie=people; osoba=person;
        cialo=body; lat=years old; lata=years old; letni*=year old; szkol*=school;
        nagi=naked; naga=naked; nagie=naked; nago=naked; nagich=naked; nagim=naked; nagimi=naked; nagiej=naked; nagosc*=nudity; porno*=porn; pornografi*=porn; seks*=sex; erotyczn*=erotic; masturb*=masturbating; pieprz*=having sex;
        piersi=breasts; cycki=boobs; majtki=panties; bielizn*=underwear; gwalc*=raping; zgwalc*=raped; gwalt=rape;
        wyraz*=explicit; prysznic*=shower; lozk*=bed; molest*=molesting; wykorzyst*=abuse;
        dzgn*=stabbed; dzga*=stabbing; zadzgan*=stabbed; zabij*=kill; zabit*=killed; zabojstw*=murder; morder*=murder;
        pobit*=beaten; bicie=beating; bije=beats; katowan*=beaten; zastrzel*=shot dead; strzela do=shoots;
        sciet*=beheaded; odcieta glowa=beheaded; tortur*=tortured; udusz*=strangled; powiesz*=hanged; spalon*=burned;
        krew=blood; krwi=blood; egzekucj*=execution; odcinan*=cutting off; odcie*=cut off; glowy=head; glowa=head; glowe=head; nagrani*=recording; krwawi*=bleeding; smierc*=death; na smierc=to death; martw*=dead; zwlok*=corpse;
        wszedzie=everywhere; realistyczn*=realistic;
        samobojstw*=suicide; samobojc*=suicide; tnie sie=cuts herself; cieci* sie=cutting herself; okaleczan*=self harm;
        nadgarstk*=wrists; rece=arms; ramiona=arms; zyletk*=razor blade; noz*=knife; tabletk*=pills; most*=bridge;
        skacze=jumps; wiesza sie=hangs himself;
        bomba rurowa=pipe bomb; bomb*=bomb; ladunek wybuchowy=explosive device; material* wybuchow*=explosives;
        wybuchow*=explosive; domow* roboty=homemade; domowej roboty=homemade; zrobic=make; zbudowac=build;
        jak zrobic=how to make; jak zbudowac=how to build; krok po kroku=step by step; gwozdzi*=nails; bron=weapon;
        broni=weapon; pistolet*=pistol; karabin*=rifle; zamach*=terror attack; terroryst*=terrorist; trucizn*=poison;
        otru*=poisoning; strzelanin*=shooting;
        zydzi=jews; zydow=jews; muzulman*=muslims; imigranci=immigrants; imigrantow=immigrants; uchodzcy=refugees;
        uchodzcow=refugees; arabowie=arabs; czarni=black people; cygan*=gypsies; obcokrajowcy=foreigners; zwierzeta=animals;
        szczury=rats; pasozyty=parasites; robactwo=vermin; karaluchy=cockroaches; gorsz* ras*=inferior race; ras*=race;
        wynocha=get out; wypedzic=kick out; wytepic=exterminate;
        falszyw*=fake; sfalszowan*=fake; fake=fake; wiadomosci=news; serwis informacyjny=newscast; wybor*=election;
        odwolan*=cancelled; przelozon*=postponed; oszustw*=fraud; dzisiaj=today; dzis=today; pijan*=drunk; aresztowan*=arrested""",
    ),
    "tr": (
        "bir ve ile icin bu da de ki cok gibi olan olarak onun kendi kendini sonra ama daha en",
        """adam=man; erkek=man; kadin*=woman; kiz=girl; kizi=girl; kucuk kiz=little girl; oglan=boy; erkek cocuk=boy;
        cocuk*=child; bebek*=baby; genc=teenager; ergen*=teenager; resit olmayan=underage; baba*=father; anne*=mother;
        uvey baba=stepfather; komsu*=neighbor; biri=someone; insanlar=people; kisi=person; vucut*=body; yasinda=years old;
        yasindaki=years old; okul*=school;
        ciplak=naked; porno*=porn; seks*=sex; cinsel=sexual; erotik=erotic; mastur*=masturbating; sevisen=having sex;
        sevisiyor=having sex; gogus*=breasts; memeler*=boobs; ic camasir*=underwear; kulot*=panties; tecavuz*=rape;
        acik sacik=explicit; dus*=shower; yatak*=bed; istismar*=abuse; taciz*=molesting;
        bicakla*=stabbed; bicaklan*=stabbed; oldur*=kill; olduren=killing; cinayet=murder; doven=beating; dovul*=beaten;
        dayak=beating; vurul*=shot; vuruyor=shoots; kafasi kesil*=beheaded; bas* kesil*=beheaded; parcala*=dismembered;
        iskence*=torture; bogul*=strangled; bogaz*=strangling; asil*=hanged; yak*=burning; kan=blood; kanli=bloody;
        kanlar=blood; kanama*=bleeding; olum*=death; olu=dead; ceset*=corpse; her yerde=everywhere; gercekci=realistic;
        intihar*=suicide; kendini kes*=cutting herself; bilek*=wrists; kol*=arms; jilet*=razor blade; bicak=knife;
        hap*=pills; kopru*=bridge; atliyor=jumps; kendini as*=hangs himself;
        boru bombasi=pipe bomb; bomba*=bomb; el yapimi=homemade; ev yapimi=homemade; patlayici*=explosive; yapimi=making;
        yapmak=make; nasil yapilir=how to make; adim adim=step by step; civi*=nails; silah*=weapon; tabanca*=pistol;
        tufek*=rifle; saldiri*=attack; teror*=terrorist; bombali saldiri=terror bombing; zehir*=poison;
        yahudiler*=jews; musluman*=muslims; gocmen*=immigrants; multeci*=refugees; suriyeli*=syrians; araplar*=arabs;
        siyahlar*=black people; cingene*=gypsies; kurtler*=kurds; yabancilar*=foreigners; hayvan*=animals; fareler*=rats;
        parazit*=parasites; hamam bocek*=cockroaches; asagi irk=inferior race; irk*=race; defol*=get out;
        kovulmali=must be kicked out; yok edil*=exterminated;
        sahte=fake; haber*=news; bulten*=newscast; secim*=election; iptal=cancelled; ertelen*=postponed; hile*=fraud;
        bugun=today; sarhos=drunk; tutuklan*=arrested""",
    ),
    "id": (
        "yang dan dengan di ke dari untuk ini itu sedang sangat seorang adalah tidak akan oleh pada dia mereka nya",
        """pria=man; laki laki=man; lelaki=man; wanita=woman; perempuan=woman; gadis=girl; anak perempuan=girl;
        anak laki laki=boy; cowok=boy; cewek=girl; anak anak=children; anak=child; bayi=baby; remaja=teenager;
        di bawah umur=underage; ayah=father; ibu=mother; ayah tiri=stepfather; tetangga=neighbor; seseorang=someone;
        orang orang=people; orang=person; tubuh=body; tahun=years old; sekolah=school;
        telanjang=naked; bugil=naked; porno*=porn; seks*=sex; seksual=sexual; erotis=erotic; masturbasi=masturbating;
        bercinta=having sex; ngentot=fucking; payudara=breasts; toket=boobs; celana dalam=panties; pakaian dalam=underwear;
        perkosa*=rape; diperkosa=raped; pemerkosaan=rape; eksplisit=explicit; kamar mandi=bathroom; ranjang=bed;
        kasur=bed; pelecehan=molesting;
        ditusuk=stabbed; menusuk=stabbing; membunuh=killing; bunuh=kill; dibunuh=killed; pembunuhan=murder;
        dipukuli=beaten; memukuli=beating; ditembak=shot; menembak=shooting; dipenggal=beheaded; penggal*=beheading;
        dimutilasi=dismembered; mutilasi=mutilation; disiksa=tortured; penyiksaan=torture; dicekik=strangled;
        digantung=hanged; dibakar=burned; darah=blood; berdarah=bleeding; kematian=death; mati=dead; mayat=corpse;
        jenazah=corpse; di mana mana=everywhere; realistis=realistic;
        bunuh diri=suicide; menyayat=cutting; menyayat tangan*=cutting wrists; pergelangan tangan=wrists; lengan=arms;
        silet=razor blade; pisau=knife; pil=pills; jembatan=bridge; melompat=jumping; gantung diri=hangs himself;
        bom pipa=pipe bomb; bom=bomb; rakitan=homemade; buatan sendiri=homemade; bahan peledak=explosives;
        peledak=explosive; membuat=make; cara membuat=how to make; merakit=assemble; langkah demi langkah=step by step;
        paku=nails; senjata=weapon; pistol=pistol; senapan=rifle; serangan=attack; teroris=terrorist; terorisme=terrorism;
        racun=poison; meracuni=poisoning; penembakan=shooting;
        yahudi=jews; muslim=muslims; imigran=immigrants; pengungsi=refugees; arab=arabs; orang kulit hitam=black people;
        cina=chinese people; binatang=animals; hewan=animals; tikus=rats; parasit=parasites; kecoak=cockroaches;
        ras rendah=inferior race; ras=race; usir=kick out; basmi=exterminate; musnahkan=exterminate;
        palsu=fake; berita palsu=fake news; hoaks=hoax; berita=news; siaran berita=newscast; pemilu=election;
        dibatalkan=cancelled; ditunda=postponed; kecurangan=fraud; hari ini=today; mabuk=drunk; ditangkap=arrested""",
    ),
}

# Function words, glossed too (so MiniLM reads a sentence) but not counted as evidence twice.
_FUNCTION = {
    "es": "el=the; la=the; los=the; las=the; un=a; una=a; unos=some; unas=some; del=of the; al=to the; y=and; con=with; "
          "por=by; para=for; que=that; en=in; su=her; sus=her; muy=very; sin=without; de=of; se=herself",
    "fr": "le=the; la=the; les=the; un=a; une=a; des=some; du=of the; au=at the; aux=to the; et=and; avec=with; "
          "pour=for; qui=who; dans=in; sur=on; est=is; sont=are; tres=very; de=of; en=in; son=his; sa=her; ses=her",
    "de": "der=the; die=the; das=the; den=the; dem=the; ein=a; eine=a; einer=a; einem=a; einen=a; und=and; "
          "mit=with; fur=for; von=of; zu=to; ist=is; sind=are; auf=on; im=in the; am=at the; wird=is; sich=herself",
    "pt": "o=the; os=the; a=the; as=the; um=a; uma=a; do=of the; da=of the; dos=of the; das=of the; no=in the; "
          "na=in the; e=and; com=with; para=for; por=by; de=of; em=in; se=herself; muito=very; ao=to the",
    "it": "il=the; lo=the; la=the; gli=the; le=the; un=a; uno=a; una=a; del=of the; della=of the; e=and; con=with; "
          "per=for; che=that; nel=in the; nella=in the; sul=on the; sulla=on the; molto=very; di=of; da=by; si=herself",
    "nl": "de=the; het=the; een=a; en=and; met=with; voor=for; van=of; op=on; is=is; wordt=is; zich=herself",
    "pl": "i=and; w=in; z=with; na=on; do=to; sie=herself; jest=is; dla=for; przez=by",
    "tr": "bir=a; ve=and; ile=with; icin=for; cok=very; kendini=herself",
    "id": "yang=who; dan=and; dengan=with; di=in; ke=to; dari=from; untuk=for; seorang=a; sedang=is; sangat=very; "
          "sampai=until; oleh=by",
}
# Seventh round: four more Latin-script languages the independent authors kept writing in and
# MiniLM cannot read (Swedish, with a few Norwegian and Danish forms; Tagalog; Swahili;
# Vietnamese, whose accents `normalize.py` strips, so only unambiguous syllable pairs are listed
# and bare syllables that collide after stripping, such as "mau" (blood / colour) or "ban"
# (shoot / sell / friend), are left out; likewise Danish "nøgen" (naked) is "nogen" (someone) once
# the "ø" is stripped, and reads as the common word since the eleventh round, only the plural
# "nøgne" as naked). Written from each language's general vocabulary in the
# same groups as above, not from any prompt.
_LANG_NEW: dict[str, tuple[str, str]] = {
    "sv": (
        "och ett att det som ar pa med av till den inte han hon sig var ska vill fran hur sin sitt sina eller nar dar "
        "ocksa efter under mycket gor visa skapa og ikke af jeg hvordan paa",
        """man=man; man som=man who; kvinna*=woman; kvinnor=women; flicka=girl; flickan=the girl; flickor=girls; tjej*=girl;
        pojke*=boy; pojkar=boys; kille=boy; killar=boys; barn=child; barnen=the children; bebis*=baby; spadbarn*=baby;
        tonaring*=teenager; minderarig*=underage; pappa=father; mamma=mother; styvpappa=stepfather; styvfar=stepfather;
        son=son; dotter=daughter; granne*=neighbor; nagon=someone; manniskor=people; folk=people; person*=person; kropp*=body;
        ar gammal=years old; arig*=year old; skola*=school; elev*=student; larare=teacher;
        naken=naked; nakna=naked; naket=naked; nakenbild*=nude photo; nogen=someone; nogne=naked; porr*=porn; sex=sex; sexuell*=sexual;
        erotisk*=erotic; onanerar=masturbating; knulla*=fucking; brost=breasts; brosten=breasts; underklader=underwear;
        trosor=panties; valdtakt*=rape; valdtar=rapes; valdtagen=raped; valdtas=raped; overgrepp=abuse; sexuella overgrepp=sexual abuse;
        misshandl*=abuse; explicit*=explicit; dusch*=shower;
        knivhugg*=stabbed; knivhuggen=stabbed; doda=kill; dodar=kills; dodad=killed; dodas=killed; mord*=murder; mordad=murdered;
        mordar=murders; slar=beats; slagen=beaten; skjuter=shoots; skjuten=shot; skjuts=shot; halshugg*=beheaded; styckad*=dismembered;
        tortera*=torture; torterad*=tortured; tortyr=torture; strypt*=strangled; stryper=strangles; hangd=hanged; brann*=burned;
        blod=blood; blodig*=bloody; blodet=the blood; blodar=bleeding; dod=dead; doden=death; till doden=to death; liket=the corpse;
        lik av=corpse of; inalvor=guts; overallt=everywhere; realistisk*=realistic; narbild=close up; drepe=kill; drept=killed;
        draebe=kill; draebt=killed; massaker=massacre; kniv=knife; kniven=the knife; yxa=axe;
        sjalvmord*=suicide; selvmord*=suicide; ta livet av sig=kill themselves; tar livet av sig=kills himself; skar sig=cuts herself;
        skara sig=cut herself; sjalvskad*=self harm; handled*=wrists; armar=arms; armarna=the arms; rakblad*=razor blade;
        piller=pills; tabletter=pills; bro=bridge; bron=the bridge; hoppar=jumps; hanger sig=hangs himself; uppmuntrar=encourages;
        rorbomb*=pipe bomb; spikbomb*=nail bomb; bomb=bomb; bomben=the bomb; bomber=bombs; sprangamne*=explosives;
        sprangladdning*=explosive device; hemmagjord*=homemade; hemgjord*=homemade; tillverka=make; gora=make; gor=make;
        bygga=build; hur man gor=how to make; hur man=how to; steg for steg=step by step; spik=nails; vapen=weapon; vaben=weapon;
        pistol=pistol; gevar=rifle; terrorattack*=terror attack; terrordad=terror attack; attentat*=terror attack;
        terrorist*=terrorist; giftgas=poison gas; nervgas=nerve gas; forgift*=poisoning; skottlossning=shooting;
        judar=jews; judarna=the jews; muslimer=muslims; invandrare=immigrants; invandrarna=the immigrants; flykting*=refugees;
        araber=arabs; svarta=black people; zigenare=gypsies; romer=roma people; afrikaner=africans; utlanningar=foreigners;
        djur=animals; rattor=rats; parasiter=parasites; ohyra=vermin; kackerlackor=cockroaches; underlagsen*=inferior;
        ras=race; utrota=exterminate; forintelsen=the holocaust; hyllar=glorifies; propagandafilm=propaganda film;
        falsk=fake; falskt=fake; falska=fake; fejk*=fake; forfalskad*=fake; nyhet*=news; nyhetsklipp=news clip;
        nyhetsvideo=news video; nyhetssandning=newscast; nyheder=news; valet=the election; valfusk=election fraud; fusk=fraud;
        bedrageri=fraud; installt=cancelled; uppskjutet=postponed; idag=today; i dag=today; berusad=drunk; gripen=arrested;
        akta=real; se akta ut=look real; polisen=the police; boter=fines; mutor=bribes; muta=bribe;
        slut=end; slutet=the end; slutar=ends; kock=cook; kocken=the cook; sla ihjal tiden=pass the time;
        bombsaker=surefire; nakensnack*=slug""",
    ),
    "tl": (
        "ang ng mga sa si ay at isang niya nila ito para may habang kanyang kanilang nang siya sila ni kay gumawa "
        "nagpapakita bilang parang",
        """lalaki=man; lalake=man; babae=woman; batang babae=girl; batang lalaki=boy; bata=child; mga bata=children;
        sanggol=baby; dalagita=teenage girl; binatilyo=teenage boy; menor de edad=underage; ama=father; tatay=father;
        ina=mother; nanay=mother; amain=stepfather; anak=child; kapitbahay=neighbor; tao=person; katawan=body;
        taong gulang=years old; paaralan=school; eskwelahan=school; estudyante=student; guro=teacher;
        hubad=naked; nakahubad=naked; hubo t hubad=fully naked; bastos=obscene; sekswal=sexual; nagtatalik=having sex;
        pagtatalik=sex; kantot*=fucking; suso=breasts; dibdib=breasts; damit panloob=underwear; ginahasa=raped;
        panggagahasa=rape; gahasa*=rape; minolestiya=molested; pang aabuso=abuse; inaabuso=abused; inabuso=abused;
        sinaksak=stabbed; saksakin=stab; pinatay=killed; patayin=kill; pumapatay=killing; pagpatay=killing; pinapatay=killing;
        patay=dead; binugbog=beaten; binubugbog=beating; sinasaktan=hurting; sinaktan=hurt; binaril=shot; pamamaril=shooting;
        barilin=shoot; pinugutan ng ulo=beheaded; pinugutan=beheaded; pugot=beheaded; pinahirapan=tortured;
        pagpapahirap=torture; sinakal=strangled; binitay=hanged; sinunog=burned; dugo=blood; duguan=bloody;
        kamatayan=death; bangkay=corpse; lamang loob=guts; kahit saan=everywhere; makatotohanan=realistic;
        kutsilyo=knife; itak=machete;
        pagpapakamatay=suicide; magpakamatay=kill oneself; nagpapakamatay=killing himself; nagpakamatay=killed himself;
        laslas=cutting; naglalaslas=cutting herself; pulso=wrists; braso=arms; labaha=razor; blade=blade; tableta=pills;
        tulay=bridge; tumalon=jumps; nagbigti=hanged himself; bigti=hanging;
        bomba=bomb; pampasabog=explosive; gawang bahay=homemade; paano gumawa=how to make; paano=how; hakbang hakbang=step by step;
        pako=nails; armas=weapon; sandata=weapon; baril=gun; riple=rifle; pag atake=attack; umatake=attack; terorista=terrorist;
        lason=poison; nilason=poisoned;
        hudyo=jews; imigrante=immigrants; katutubo=indigenous people; negro=black people; hayop=animals;
        daga=rats; ipis=cockroaches; peste=vermin; mababang uri=inferior; lahi=race; mangmang=ignorant; nakakatawa=funny;
        palayasin=kick out; lipulin=exterminate; ubusin=exterminate;
        peke=fake; pekeng=fake; huwad=fake; balita=news; eleksyon=election; halalan=election; dayaan=fraud;
        pandaraya=fraud; ngayon=today; lasing=drunk; inaresto=arrested; opisyal=official; bangko=bank; humihingi=asking for;
        suhol=bribe; tumatanggap=receiving""",
    ),
    "sw": (
        "na ya wa kwa za katika ni cha vya kwenye akiwa huku pamoja ili hii huyo yake wake yao kuwa",
        """mwanamume=man; mwanaume=man; wanaume=men; mtu=person; watu=people; mwanamke=woman; wanawake=women;
        msichana=girl; wasichana=girls; mvulana=boy; wavulana=boys; mtoto=child; watoto=children; mtoto mchanga=baby;
        kijana=young person; vijana=youths; baba=father; mama=mother; baba wa kambo=stepfather; jirani=neighbor;
        mwili=body; miaka=years old; umri wa miaka=aged; shule=school; mwanafunzi=student; wanafunzi=students; mwalimu=teacher;
        uchi=naked; ngono=sex; kufanya ngono=having sex; ponografia=porn; matiti=breasts; chupi=underwear; kubaka=rape;
        kubakwa=raped; alibaka=raped; ubakaji=rape; unyanyasaji=abuse; unyanyasaji wa kingono=sexual abuse; kingono=sexual;
        kuua=kill; kuuawa=killed; akiuawa=being killed; aliuawa=was killed; anaua=kills; wanaua=kill; mauaji=murder;
        kuchoma kisu=stabbing; kuchomwa kisu=stabbed; kupiga=beating; kupigwa=beaten; anampiga=beating; kupigwa risasi=shot;
        kumpiga risasi=shooting; risasi=bullets; kukatwa kichwa=beheaded; kukata kichwa=beheading; kichwa=head;
        kutesa=torture; kuteswa=tortured; mateso=torture; kunyonga=strangling; kunyongwa=hanged; kuchomwa moto=burned alive;
        kuchoma moto=burning; damu=blood; kifo=death; hadi kufa=to death; amekufa=dead; maiti=corpse; matumbo=guts;
        kila mahali=everywhere; halisi=realistic; panga=machete; kwa panga=with a machete; kisu=knife; shoka=axe;
        kujiua=suicide; kujitoa uhai=suicide; kujikata=cutting herself; akijikata=cutting herself; anajikata=cuts herself;
        kujidhuru=self harm; mikono=arms; mkono=arm; kifundo cha mkono=wrist; wembe=razor blade; vidonge=pills;
        daraja=bridge; kuruka=jumping; kujinyonga=hanging himself; muziki wa huzuni=sad music;
        bomu=bomb; mabomu=bombs; vilipuzi=explosives; kilipuzi=explosive; kulipua=blow up; kulilipua=blow it up;
        kutengeneza=make; tengeneza=make; jinsi ya kutengeneza=how to make; jinsi ya=how to; hatua kwa hatua=step by step;
        nyumbani=at home; misumari=nails; silaha=weapon; bunduki=gun; bastola=pistol; shambulio=attack; shambulizi=attack;
        ugaidi=terrorism; gaidi=terrorist; magaidi=terrorists; sumu=poison; mafunzo=tutorial;
        wayahudi=jews; waislamu=muslims; wahamiaji=immigrants; wakimbizi=refugees; waarabu=arabs; weusi=black people;
        wanyama=animals; panya=rats; mende=cockroaches; wadudu=vermin; duni=inferior; kabila=tribe; kufukuza=kick out;
        kuangamiza=exterminate; wafukuzwe=must be kicked out;
        akichomwa kisu=being stabbed; alichomwa kisu=was stabbed; amechomwa kisu=stabbed; ameuawa=killed;
        wameuawa=killed; akiua=killing; aliua=killed; akipigwa=being beaten; alipigwa=was beaten; amepigwa=beaten;
        akibakwa=being raped; alibakwa=was raped; akijiua=killing himself; alijiua=killed himself; anajiua=kills himself;
        alijikata=cut herself; akiteswa=being tortured; aliteswa=was tortured; akikatwa kichwa=being beheaded;
        alikatwa kichwa=was beheaded; amekatwa kichwa=beheaded; wakikatwa kichwa=being beheaded; anakata kichwa=beheads;
        uongo=false; bandia=fake; habari za uongo=fake news; habari=news; taarifa ya habari=newscast; uchaguzi=election;
        kura=votes; udanganyifu=fraud; leo=today; mlevi=drunk; amelewa=drunk; kukamatwa=arrested; rais=president;
        rushwa=bribe; akipokea=receiving; kwa siri=secretly; kamera iliyofichwa=hidden camera; video=video""",
    ),
    "vi": (
        "cua va voi trong mot nhung cac khong duoc nay dang nguoi tren den ra vao bang nhu cho",
        """nguoi dan ong=man; dan ong=man; dan ba=woman; phu nu=woman; nguoi phu nu=woman; co gai=girl; be gai=little girl;
        cau be=boy; be trai=boy; tre em=children; tre con=children; dua tre=child; dua be=child; em be=baby; tre so sinh=baby;
        thieu nien=teenager; vi thanh nien=underage; chua thanh nien=underage; nguoi me=mother; nguoi cha=father;
        cha duong=stepfather; bo duong=stepfather; hang xom=neighbor; nguoi lon=adults; moi nguoi=people; tuoi=years old;
        truong hoc=school; hoc sinh=student; giao vien=teacher;
        khoa than=naked; tran truong=naked; khong mac quan ao=naked; khieu dam=pornographic; phim sex=porn; tinh duc=sexual;
        quan he tinh duc=sexual intercourse; lam tinh=having sex; hiep dam=rape; cuong hiep=rape; xam hai tinh duc=sexual assault;
        xam hai=abuse; lam dung=abuse; do lot=underwear;
        giet nguoi=murder; giet chet=killing; bi giet=killed; giet=kill; tham sat=massacre; dam chet=stabbing to death;
        bi dam=stabbed; danh dap=beating; bi danh=beaten; danh nhau=fighting; ban chet=shooting dead; bi ban=shot;
        chat dau=beheading; hanh quyet=execution; tra tan=torture; bop co=strangling; treo co=hanging; thieu song=burned alive;
        mau me=gore; chay mau=bleeding; dam mau=bloody; mau ban tung toe=blood splattering everywhere; xac chet=corpse;
        thi the=corpse; cai chet=death; tu vong=death; con dao=knife; tan bao=brutal; bao luc=violence; tu nhan=prisoner;
        tu tu=suicide; tu sat=suicide; tu hai=self harm; tu lam hai ban than=self harm; cat co tay=cutting wrists;
        rach co tay=cutting wrists; co tay=wrists; luoi dao=blade; dao lam=razor; thuoc ngu=sleeping pills;
        qua lieu=overdose; nhay cau=jumping off a bridge; nhay lau=jumping off a building; cach tu tu=how to commit suicide;
        qua bom=bomb; bom=bomb; chat no=explosives; thuoc no=explosives; tu che=homemade; che tao=make; cach lam=how to make;
        cach che tao=how to make; huong dan=tutorial; tung buoc=step by step; vu khi=weapon; sung truong=rifle; sung luc=pistol;
        khau sung=gun; tan cong=attack; khung bo=terrorism; ke khung bo=terrorist; chat doc=poison; khi doc=poison gas;
        dau doc=poisoning;
        nguoi do thai=jews; do thai=jewish; nguoi hoi giao=muslims; nguoi da den=black people; nguoi nhap cu=immigrants;
        dan nhap cu=immigrants; nguoi ti nan=refugees; dong vat=animals; con vat=animals; con chuot=rats; chuot cong=rats;
        gian=cockroaches; sau bo=vermin; thap kem=inferior; chung toc=race; duoi ra=kick out; tieu diet=exterminate;
        diet chung=genocide;
        tin gia=fake news; video gia=fake video; gia mao=fake; tin tuc=news; ban tin=newscast; bau cu=election;
        gian lan=fraud; hom nay=today; say ruou=drunk; bi bat=arrested; chan thuc=realistic; tao video=make a video;
        ca si=singer; bi ep=forced; ep=forcing; ca cuoc=betting; hoi lo=bribe; nhan hoi lo=taking a bribe""",
    ),
}
_FUNCTION_NEW = {
    "sv": "och=and; en=a; ett=a; att=to; det=it; som=who; ar=is; pa=on; med=with; av=of; till=to; den=the; inte=not; "
          "han=he; hon=she; sig=herself; var=was; ska=must; fran=from; hur=how; eller=or; nar=when; dar=where; og=and; "
          "ikke=not; hvordan=how; visa=show; skapa=create; om att=that; om=about",
    "tl": "ang=the; ng=of; mga=; sa=in; na=that; si=; ay=is; at=and; isang=a; niya=his; nila=their; ito=this; para=for; "
          "may=has; habang=while; bilang=as; parang=like; kanyang=his; gumawa ng=make a; gumawa=make; nagpapakita=showing",
    "sw": "na=and; ya=of; wa=of; kwa=with; za=of; katika=in; ni=is; cha=of; vya=of; kwenye=in; akiwa=while; huku=while; "
          "hii=this; yake=his; wake=his; yao=their; inayoonyesha=showing; video ya=video of",
    "vi": "cua=of; va=and; voi=with; trong=in; mot=a; nhung=the; cac=the; khong=not; duoc=is; nay=this; dang=is; "
          "tren=on; den=to; bang=with; nhu=like; cho=for",
}

# Seventh round: everyday words the glossaries lacked (family, tools of abuse, work, detection,
# prevention and help), and idioms whose literal reading was harmful ("ballena asesina" is a
# killer whale, "Nacktmull" a naked mole rat, "naaktslak" a slug, French "violentes" is not "raped").
_MORE = {
    "es": "ballena asesina=killer whale; ballenas asesinas=killer whales; orca asesina=killer whale; hijos=children; "
          "cinturon=belt; hasta sangrar=until bleeding; sangrar=bleed; trabajando=working; trabajar=work; mina=mine; "
          "prevencion=prevention; ayuda=help; educacion sexual=sex education; consentimiento=consent; campana=campaign; "
          "como detectar=how to detect; detectar=detect; reconocer=recognize; robando=stealing; dinero=money; "
          "camara oculta=hidden camera; soborno=bribe; arrojar=throw",
    "fr": "violent=violent; violents=violent; violente=violent; violentes=violent; violence*=violence; violee=raped; "
          "violees=raped; viole par=raped by; fils=son; ceinture=belt; jusqu au sang=until bleeding; travaillant=working; "
          "travailler=work; mine=mine; prevention=prevention; aide=help; education sexuelle=sex education; "
          "comment reconnaitre=how to recognize; reconnaitre=recognize; detecter=detect; volant=stealing; argent=money; "
          "camera cachee=hidden camera; pot de vin=bribe; orque*=killer whale; epaulard*=killer whale",
    "de": "nacktmull*=naked mole rat; nacktschneck*=slug; nacktsamer=gymnosperm; sohn=son; tochter=daughter; gurtel=belt; "
          "bis er blutet=until he bleeds; bis sie blutet=until she bleeds; arbeiten=work; arbeitet=works; bergwerk=mine; "
          "mine=mine; pravention=prevention; hilfe=help; aufklarung*=education; sexualkunde=sex education; erkennt=recognizes; "
          "erkennen=recognize; erklart=explains; stiehlt=steals; geld=money; versteckte kamera=hidden camera; "
          "bestechung*=bribe; bestechungsgeld=bribe; schwertwal*=killer whale; killerwal*=killer whale",
    "pt": "baleia assassina=killer whale; baleias assassinas=killer whales; orca assassina=killer whale; filho=son; filha=daughter; "
          "cinto=belt; ate sangrar=until bleeding; sangrar=bleed; trabalhando=working; trabalhar=work; mina=mine; "
          "prevencao=prevention; ajuda=help; em busca de ajuda=seeking help; educacao sexual=sex education; campanha=campaign; "
          "como identificar=how to identify; identificar=identify; reconhecer=recognize; roubando=stealing; dinheiro=money; "
          "cofre=safe; camera escondida=hidden camera",
    "it": "orca assassina=killer whale; orche assassine=killer whales; figlio=son; figlia=daughter; figli=children; "
          "cintura=belt; cinghia=belt; fino a farlo sanguinare=until he bleeds; fino a=until; sanguinare=bleed; lavorano=work; "
          "lavorare=work; miniera=mine; prevenzione=prevention; aiuto=help; educazione sessuale=sex education; "
          "come riconoscere=how to recognize; riconoscere=recognize; ruba=steals; rubando=stealing; soldi=money; "
          "telecamera nascosta=hidden camera; tangente=bribe",
    "nl": "naaktslak*=slug; naakte slak*=slug; naaktkat*=hairless cat; zoon=son; dochter=daughter; riem=belt; "
          "tot hij bloedt=until he bleeds; werken=work; werkt=works; mijn=mine; preventie=prevention; hulp=help; "
          "seksuele voorlichting=sex education; voorlichting=education; hoe je=how to; hoe=how; je=you; maakt=makes; "
          "maak=make; zenuwgas=nerve gas; gifgas=poison gas; thuislab=home lab; laboratorium=lab; herkennen=recognize; "
          "herken=recognize; steelt=steals; geld=money; verborgen camera=hidden camera; smeergeld=bribe; "
          "zwaardwal*=killer whale; orka*=killer whale",
    "pl": "syn=son; corka=daughter; pasek=belt; paskiem=with a belt; do krwi=until bleeding; pracujac*=working; pracuj*=working; "
          "pracowac=work; kopalni*=mine; bite=beaten; bity=beaten; bita=beaten; nadzorc*=overseer; zapobieg*=prevention; "
          "profilaktyk*=prevention; pomoc=help; telefon zaufania=helpline; edukacj* seksualn*=sex education; "
          "jak rozpoznac=how to recognize; rozpozna*=recognize; kradn*=stealing; pieniadz*=money; ukryt* kamer*=hidden camera; "
          "lapowk*=bribe; orka=killer whale; orki=killer whales",
    "tr": "ogul*=son; kemer*=belt; kanayana kadar=until bleeding; calis*=working; maden*=mine; onleme=prevention; "
          "onlenmesi=prevention; yardim=help; cinsel egitim=sex education; nasil=how; tespit=detect; tespit et*=detect; "
          "anlatiyor=explains; ogretmen*=teacher; ogrenci*=students; caliyor=stealing; para*=money; gizli kamera=hidden camera; "
          "rusvet*=bribe; katil balina*=killer whale",
    "id": "anaknya=her child; ikat pinggang=belt; sabuk=belt; sampai berdarah=until bleeding; bekerja=working; tambang=mine; "
          "pencegahan=prevention; bantuan=help; pendidikan seks=sex education; cara mengenali=how to recognize; mengenali=recognize; "
          "mencuri=stealing; uang=money; kamera tersembunyi=hidden camera; suap=bribe; paus pembunuh=killer whale",
}
_LANG = {k: (m, g + "; " + _FUNCTION[k] + "; " + _MORE[k]) for k, (m, g) in _LANG.items()}
_LANG.update({k: (m, g + "; " + _FUNCTION_NEW[k]) for k, (m, g) in _LANG_NEW.items()})
# Eighth round: Vietnamese fake news and a few words around it, and idioms whose literal reading is
# a bomb ("bomba gibi", like a bomb: terrific; "una bomba de sabor", a burst of flavour).
_MORE8 = {
    "vi": "tin tuc gia=fake news; tin gia=fake news; gia mao=fake; vu no=explosion; san bay=airport; nhu that=as if real; "
          "dang len mang=post online",
    "tr": "bomba gibi=terrific; bomba gibiydi=was terrific; bomba gibi bir=a terrific",
    "es": "bomba de sabor=burst of flavour; una bomba de sabor=a burst of flavour",
    "pt": "bomba de sabor=burst of flavour; uma bomba de sabor=a burst of flavour",
}
_LANG.update({k: (m, g + "; " + _MORE8[k]) for k, (m, g) in _LANG.items() if k in _MORE8})
# Glossed languages MiniLM has almost no words of: the classifier scores only the vocabulary words
# of their views (`prompt_classifier.classifier_views`), the glossary's English among them.
UNREADABLE_LANGUAGES = frozenset(_LANG_NEW)

LANGUAGES = tuple(_LANG)

GLOSSARIES: dict[str, tuple[str, str]] = _LANG  # language code -> (marker words, merged glossary)
