"""The shipped prompt rules, one chapter per category.

Written as combinations rather than bare word lists wherever a word has innocent uses: "shoot"
only counts next to a person ("shoot the man"), never in "photo shoot"; "breast" only with a
sexual word, never in "breast cancer screening". Words that are harmful on their own ("gore",
"pipe bomb") stand alone. Rules that would block too much for general use are `strict_only`.

This list is a baseline, not a guarantee: evasions that change meaning rather than spelling
("a person taking a very long nap, forever") need a learned `PromptClassifier` beside it.
"""

from __future__ import annotations

from sora_sdk.safety.policy import Category as C
from sora_sdk.safety.rules import Rule

__all__ = ["RULES"]

# ----------------------------------------------------------------------------------------------
# Shared vocabularies
# ----------------------------------------------------------------------------------------------

PEOPLE = (
    "man", "men", "woman", "women", "person", "people", "guy", "girl", "boy", "lady", "child",
    "children", "kid", "baby", "babies", "toddler", "him", "her", "them", "someone", "somebody",
    "victim", "hostage", "prisoner", "civilian", "protester", "crowd", "police officer", "cop",
    "soldier", "neighbor", "neighbour", "wife", "husband", "girlfriend", "boyfriend", "mother",
    "father", "family", "student", "teacher", "passerby", "passersby", "worker", "pedestrian",
    "stranger", "classmate", "coworker", "boss", "teen*", "infant", "elderly", "grandma",
    "grandpa", "refugee", "migrant", "journalist", "politician", "president", "priest", "nurse",
    "doctor", "patient", "homeless", "shopper", "customer", "driver", "guard", "officer",
    "myself", "himself", "herself", "themselves", "each other", "everyone", "body", "bodies",
    "human*", "villager", "worshipper", "audience", "spectator", "fan", "hiker", "jogger", "cyclist",
    "shopkeeper", "cashier", "clerk", "bystander", "bystanders", "tourist", "tourists", "waiter",
    "waitress", "farmer", "gangster", "rival", "enemy", "enemies", "suspect", "inmate",
)

CHILD = (
    "child", "children", "kid", "kiddie*", "minor", "underage", "under age", "preteen", "pre teen",
    "teen", "teens", "teenager", "teenage", "young girl", "young boy", "little girl", "little boy",
    "schoolgirl", "schoolboy", "school girl", "school boy", "toddler", "baby", "babies", "infant",
    "loli*", "shota*", "tween", "juvenile", "middle schooler", "elementary school*", "daughter",
    "son", "niece", "nephew", "pupil", "girl scout", "boy scout", "cub scout", "junior high",
    # "12 year old", "12-year-old" (normalised to "12yearold"), "12yo", "12 yrs old"
    r"re:(?<![a-z0-9])(?:[1-9]|1[0-7])\s*(?:y\s*o|yrs?\s*old|years?\s*olds?)(?![a-z])",
    r"re:(?<![a-z0-9])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen)\s*(?:years?\s*olds?|yo)(?![a-z])",
)

SEXUAL_WORDS = (
    "porn*", "nude", "nudes", "naked", "nudity", "topless", "bottomless", "sex", "sexual*", "sexy",
    "erotic*", "orgasm*", "masturbat*", "genital*", "penis", "vagina*", "blowjob", "handjob",
    "striptease", "strip tease", "stripper", "stripping", "undress*", "lewd", "nsfw", "xxx",
    "hentai", "fetish*", "bdsm", "horny", "aroused", "intercourse", "seduc*", "sensual*", "lingerie",
    "underwear", "panties", "bra", "boobs", "titties", "nipple*", "fondl*", "grop*", "molest*",
    "explicit", "intimate", "in bed with", "make love", "making love", "spread legs", "spreading",
    "provocative*", "suggestive*", "onlyfans", "camgirl", "rape*", "without clothes", "no clothes",
    "clothes off", "pose nude", "skinny dip*", "in bed with him", "in bed with her",
)  # innocent-with-children words ("bathing", "kiss", "bikini") are left out on purpose

GROUPS = (
    "jews", "jewish people", "muslims", "muslim people", "christians", "catholics", "hindus",
    "sikhs", "buddhists", "atheists", "black people", "blacks", "white people", "whites",
    "asians", "asian people", "arabs", "africans", "mexicans", "latinos", "hispanics", "indians",
    "chinese people", "japanese people", "koreans", "roma people", "gypsies", "immigrants",
    "migrants", "refugees", "gays", "gay people", "lesbians", "homosexuals", "trans people",
    "transgender people", "women", "disabled people", "the disabled", "palestinians", "israelis",
    "ukrainians", "russians", "irish people", "romanians", "aboriginals", "native americans",
)  # adjectives that double as nouns ("chinese lanterns", "whites" in laundry) are left out

PUBLIC_ROLES = (
    "president", "prime minister", "senator", "congressman", "congresswoman", "chancellor",
    "pope", "king", "queen", "ceo", "governor", "mayor", "minister", "general secretary",
    "supreme leader", "dictator", "celebrity", "pop star", "movie star", "actor", "actress",
    "news anchor", "presidential candidate",
)

# ----------------------------------------------------------------------------------------------
# Sexual content
# ----------------------------------------------------------------------------------------------

_SEXUAL_UNLESS = (
    "nude lipstick", "nude lip*", "nude heel*", "nude shoe*", "nude pump*", "nude color*",
    "nude colour*", "nude tone*", "nude palette*", "nude makeup", "nude beige", "nude nail*",
    "nude sandal*", "naked eye", "naked flame", "naked truth", "naked bulb", "naked tree*",
    "naked branch*", "naked mole rat*", "naked wire*", "sex education", "sexual health",
    "sexual harassment awareness", "sex of the", "sex determination", "sexual dimorphism",
    "sexual reproduction", "cum laude", "magna cum laude", "summa cum laude", "pussy willow*",
    "pussycat*", "blue tit*", "great tit*", "coal tit*", "sexy car", "sexy sports car",
)

SEXUAL = (
    Rule("sexual/explicit", C.SEXUAL, (
        "porn*", "pr0n", "prn", "xxx", "nsfw", "hentai", "nude", "nudes", "naked", "nudity",
        "topless", "bottomless", "sex", "having sex", "sex tape", "sex scene", "sexual intercourse",
        "intercourse", "erotic*", "orgasm*", "masturbat*", "blowjob", "handjob", "cumshot", "cum",
        "striptease", "strip tease", "stripper*", "strip club", "strip naked", "lap dance",
        "bdsm", "fetish*", "lewd", "horny", "onlyfans", "camgirl", "threesome", "orgy", "orgies",
        "boobs", "titties", "tits", "pussy", "dildo*", "sex toy*", "kinky", "smut*", "sexting",
        "nip slip", "upskirt", "downblouse", "wet t shirt", "in the nude", "skinny dip*",
        "without any clothes", "without clothes", "no clothes on", "with no clothes", "clothes off",
        "take off her clothes", "take off his clothes", "taking off her clothes", "undress*",
        "fully exposed", "bare breasts", "bare chested woman", "exposed breasts", "nipple*",
        "genital*", "penis*", "vagina*", "vulva", "testicle*", "make love", "making love",
        "sexually explicit", "explicit sexual", "sexual act*", "sexual position*", "spread her legs",
        "rape", "raping", "raped", "rapist", "molest*", "sexual assault", "sexually assault*",
        "grope*", "groping", "fondl*", "seductive*", "seduc*", "lingerie model", "in lingerie",
        "playboy", "hooker*", "prostitut*", "escort service", "brothel", "pornhub",
        "adult film*", "adult video*", "adult movie*", "adult content", "x rated", "porn star*",
        "fucking", "fucked", "fucks", "sex worker*",
    ), unless=_SEXUAL_UNLESS, exempt_in=()),
    # Anatomy terms a clinical deployment needs; the medical context lifts only these.
    Rule("sexual/anatomy", C.SEXUAL, ("breast*", "butt", "buttocks", "ass", "crotch", "cleavage",
                                      "groin", "thigh*", "body"),
         near=("naked", "bare", "expos*", "fondl*", "grop*", "touch*", "squeez*", "lick*", "sexy",
               "jiggl*", "bounc*", "oiled", "wet", "close up", "closeup", "spank*", "grab*"),
         window=3, unless=("chicken breast*", "breast stroke", "breaststroke", "wet body of water",
                           "body of water", "bare feet", "bare hands", "bare wall*", "bare tree*",
                           "breast cancer", "breastfeed*", "breast feeding")),
    Rule("sexual/suggestive", C.SEXUAL, ("sexy", "sensual*", "provocative*", "suggestive*", "steamy",
                                         "hot and bothered", "slutty", "slut*", "whore*", "skimpy"),
         near=PEOPLE + ("pose*", "posing", "dance*", "dancing", "body", "outfit", "model*"),
         window=3, unless=_SEXUAL_UNLESS),
    Rule("sexual/strict", C.SEXUAL, ("bikini*", "lingerie", "underwear", "swimsuit*", "sexy",
                                     "kiss*", "seductive*", "bra", "panties", "thong*", "cleavage"),
         strict_only=True, unless=_SEXUAL_UNLESS),
)

# ----------------------------------------------------------------------------------------------
# Minors: sexualisation of, or harm aimed at, children. Reported with the sexual/violence category.
# ----------------------------------------------------------------------------------------------

MINORS = (
    Rule("minors/sexual", C.MINORS, CHILD, with_any=SEXUAL_WORDS + ("rape*", "abuse*", "groom*", "seduc*",
                                                                   "being touched", "touched by",
                                                                   "touching him", "touching her",
                                                                   "inappropriate*"),
         unless=_SEXUAL_UNLESS + ("bathing suit", "baby shower*", "shower curtain", "meteor shower*",
                                  "bathing the dog", "kissing the dog", "kiss on the cheek",
                                  "goodnight kiss", "kiss goodnight", "family pose*"),
         also=(C.SEXUAL,)),
    Rule("minors/adult-romance", C.MINORS, ("dating", "date with", "on a date", "romantic*",
                                            "in love with", "kissing", "married to", "sleeping with",
                                            "relationship with", "boyfriend of", "girlfriend of"),
         near=CHILD, window=4,
         with_any=("adult", "grown man", "grown woman", "older man", "older woman", "old man",
                   r"re:(?:[2-9][0-9]|thirty|forty|fifty|sixty)\s*(?:year old|yo)\s*(?:man|woman|guy)",
                   "teacher", "coach", "stranger", "middle aged"),
         also=(C.SEXUAL,)),
    Rule("minors/explicit-terms", C.MINORS, (
        "cp", "child porn*", "kiddie porn*", "kiddieporn", "pedo*", "paedo*", "pedophil*",
        "jailbait", "lolicon", "loli", "shotacon", "child abuse material", "csam", "child sexual*",
        "underage sex*", "underage nude*", "underage girl*", "underage boy*", "groom* a child",
        "groom* children", "groom* a minor", "child grooming", "minor attracted",
    ), unless=("cp violation", "cp rail")),
    Rule("minors/violence", C.MINORS, ("beat*", "hit*", "hitting", "punch*", "kick*", "slap*",
                                       "hurt*", "abus*", "kill*", "murder*", "stab*", "shoot*",
                                       "shot", "strangl*", "chok*", "drown*", "burn*", "tortur*",
                                       "kidnap*", "abduct*", "starv*", "whip*", "throw*", "shak*",
                                       "bruis*", "battered", "smack*", "being hit", "being slapped",
                                       "being punched", "being kicked", "covered in bruises"),
         near=CHILD + ("kids", "newborn", "schoolchildren", "students", "pupils"),
         window=4,
         unless=("kick* the ball", "kick* a ball", "kicking a ball", "hit* the ball", "hit* a ball",
                 "throw* a ball", "throw* the ball", "throwing a frisbee", "kid gloves", "kidding",
                 "shake* hands", "shaking hands", "shak* a rattle", "burn* calories",
                 "throw* a party", "hit* a pinata", "hit the pinata", "sunburn*", "hit song*",
                 "hits the drum", "beat* the drum*", "beat* the heat", "heartbeat*", "beats"),
         reverse="passive", also=(C.VIOLENCE,)),
)

# ----------------------------------------------------------------------------------------------
# Graphic violence and gore
# ----------------------------------------------------------------------------------------------

_VIOLENCE_UNLESS = (
    "kill the lights", "kills the lights", "kill the engine", "kill the music", "kill time",
    "killing time", "kill the mood", "killer whale*", "killer app*", "killer heels", "killer view",
    "killer smile", "killer deal", "photo shoot", "photoshoot", "shoot* a video", "shoot* video",
    "shoot* a film", "shoot* film", "shoot* photos", "shoot* a photo", "shoot* portraits",
    "shoot* a scene", "shoot* the scene", "shoot* footage", "shoot* hoops", "shoot* baskets",
    "shoot* a free throw", "shooting star*", "shoot* the breeze", "shoot* an arrow at a target",
    "camera", "a shot of", "shot of espresso", "shot glass*", "shot of whiskey", "shot of tequila",
    "tracking shot", "wide shot", "close up shot", "drone shot", "establishing shot", "flu shot",
    "booster shot", "beat the heat", "beat* the drum*", "beat* eggs", "beat* the batter",
    "beat* the record", "heartbeat*", "beats", "burn* calories", "burn* the midnight oil",
    "murder mystery", "murder of crows", "blood orange*", "blood moon", "blood test*",
    "blood donation", "blood pressure", "blood drive", "blood sugar", "bloodhound*", "al gore",
    "gore tex", "goretex", "execute* a plan", "execute* the plan", "execute* a trick",
    "executive*", "slaughterhouse five", "dead end", "dead sea", "deadline*", "dead leaves",
    "dead battery", "deadpan", "punchline*", "punch bowl", "fruit punch", "kickstart*",
    "kick off", "kickoff", "break a leg", "hang out", "hanging out", "hang* a picture",
    "hang* laundry", "hang* lights", "hang* decorations", "hanging plants", "hang glid*",
    "drown out", "choke point", "chokehold", "vaccine shot*", "vaccination shot*", "allergy shot*",
    "insulin shot*", "b12 shot*",
)

VIOLENCE = (
    Rule("violence/gore", C.VIOLENCE, (
        "gore", "gory", "gruesome", "disembowel*", "dismember*", "decapitat*", "behead*",
        "mutilat*", "eviscerat*", "bloodbath", "blood bath", "blood splatter*", "blood spurting",
        "blood everywhere", "pool of blood", "covered in blood", "soaked in blood", "bleeding out",
        "entrails", "intestines spilling", "guts spilling", "spilled guts", "severed head*",
        "severed limb*", "severed arm*", "severed leg*", "severed finger*", "skull crushed",
        "crushed skull", "brains splattered", "brain matter", "exploding head*", "head explod*",
        "flayed", "flaying", "skinned alive", "burned alive", "burning alive", "burnt alive",
        "buried alive", "snuff film*", "snuff video*", "torture porn", "torture scene*",
        "tortur*", "massacre*", "slaughter*", "lynch*", "genocide", "ethnic cleansing",
        "execution video", "public execution", "firing squad", "shot in the head", "shot in the face",
        "blown apart", "blown to pieces", "ripped apart", "torn apart by", "mangled bod*", "rotting bod*", "decompos* bod*", "mass grave*", "carnage",
        "bloody murder", "brutal murder", "brutally murder*", "brutally beat*", "stabbing",
        "stabbed", "gouge* out", "eye gouging", "impal*", "crucifixion of",
        r"re:(?:slit|slits|slitting|cut|cuts|cutting)\s+(?:(?:his|her|their|your|my|the|a)\s+)?(?:\w+\s+)?throats?",
        "throat slit", "throat cut", "throats slit",
        "crushed bod*", "charred bod*", "burnt bod*", "bloody bod*", "blood and guts", "guts out",
        "to pieces with", "hack* to pieces", "hack* to death", "hack* apart", "chop* to pieces",
        "cut to pieces", "cut into pieces", "gutted like",
        r"re:gutt\w*\s+(?:(?:a|the|his|her)\s+)?(?:man|woman|person|victim|him|her|body|guy|prisoner|hostage|child)(?![a-z])", "brains blown*",
        "brains out", "shot dead", "shoots dead", "beaten to death", "beat* to death",
        "stabbed to death", "stab* to death", "set alight", "set ablaze", "burned to death",
        "burnt to death",
        r"re:(?:head|skull|face|brains?)\s+(?:\w+\s+)?(?:smashed|crushed|caved|bashed|split|blown)(?:\s+(?:in|open|off))?",
        r"re:(?:smash|crush|cave|bash|blow|blew|split)\w*\s+(?:in\s+)?(?:(?:his|her|their|the|a|someone s|my|your)\s+)?(?:head|skull|face|brains?)\s+(?:in|open|apart|off)",
        r"re:shoot\w*\s+(?:\w+\s+){0,3}dead(?![a-z])",
    ), unless=_VIOLENCE_UNLESS + ("tortured artist", "tortoise*", "shot dead center", "shoots dead center")),
    # Clinical sights a medical deployment must be able to show; only the medical context lifts them.
    Rule("violence/clinical", C.VIOLENCE, ("autopsy", "autopsies", "open wound*", "compound fracture",
                                           "stab wound*", "gunshot wound*", "bullet wound*",
                                           "corpse*", "dead body", "dead bodies", "cadaver*"),
         exempt_in=("medical",)),
    Rule("violence/clinical-strict", C.VIOLENCE, ("amputat*", "surgical incision*", "surgery footage"),
         strict_only=True, exempt_in=("medical",)),
    Rule("violence/act", C.VIOLENCE, (
        "kill*", "murder*", "stab*", "shoot*", "shot", "shoots", "strangl*", "chok*", "beat*",
        "beaten", "punch*", "kick*", "burn*", "drown*", "hang*", "hanged", "execut*", "slit*",
        "slash*", "maul*", "bludgeon*", "assault*", "attack*",
        "torture*", "butcher*", "slay*", "slain", "run over", "runs over", "ran over", "gun down",
        "guns down", "gunned down", "mow* down", "blow* up", "blew up", "blown up", "set fire to",
        "set on fire", "sets on fire", "light* on fire", "behead*", "whip*", "flog*", "lynch*",
        "curb stomp*", "stomp* on", "rip* apart", "tear* apart", "cut open", "cuts open",
    ), near=PEOPLE, window=3, reverse="passive", unless=_VIOLENCE_UNLESS + (
        "crowd cheer*", "attack on titan", "beat* the crowd", "knock* on the door",
        "kick* the ball", "kick* a ball", "kicking a ball", "kick* a soccer ball", "burn* a cd",
        "crush* on", "crush* grapes", "crush* ice", "smash* hit", "smashing pumpkins",
        "execut* a dance", "hang* with", "hang* around", "hanging around", "club* with",
        "dance club*", "golf club*", "book club*", "night club*", "nightclub*", "club house",
        "chopping", "bleed* colou*", "heart attack", "panic attack", "asthma attack",
        "attack* the problem", "shot put", "burn* the toast", "burnt toast", "whipped cream",
        "whip* cream", "whip* up", "smash* a serve", "smash burger*", "stomp* grapes",
        "stomp* in puddle*", "stomping in the puddle*", "smash* the piñata", "beat* box*",
        "beatbox*", "sunburn*", "burning man",
    ), exempt_in=()),
    Rule("violence/strict", C.VIOLENCE, ("blood*", "bloody", "fight*", "war", "battle*",
                                         "wound*", "dead", "death", "zombie*", "skeleton*"),
         strict_only=True, unless=_VIOLENCE_UNLESS + ("pillow fight*", "snowball fight*")),
)

# ----------------------------------------------------------------------------------------------
# Hate
# ----------------------------------------------------------------------------------------------

HATE = (
    Rule("hate/symbols-and-movements", C.HATE, (
        "heil hitler", "sieg heil", "white power", "white pride", "white supremac*",
        "aryan", "master race", "nazi propaganda", "neo nazi*", "neonazi*", "nazi rally",
        "kkk", "ku klux klan", "klansman", "klansmen", "cross burning", "burning cross", "burn* a cross", "swastika flag*",
        "swastika*", "1488", "14 88", "14 words", "gas the", "race war", "great replacement",
        "holocaust denial", "holocaust never happened", "holocaust was fake", "holocaust hoax",
        "racial slur*", "hate speech", "hate propaganda", "racist caricature*", "racist cartoon*",
        "racist propaganda", "antisemitic*", "anti semitic*", "jewish caricature*", "blackface",
        "homophobic*", "transphobic*", "islamophobic*", "racist*", "bigot*", "dehumaniz*",
        "dehumanis*", "subhuman*", "untermensch*", "ethnostate", "will not replace us",
        "wont replace us", "won t replace us",
    ), unless=("anti racist*", "antiracist*", "anti racism", "antiracism", "against racism",
               "racism awareness")),
    Rule("hate/slurs", C.HATE, (
        "nigger*", "nigga*", "niggaz", "faggot*", "fag", "fags", "kike*", "wetback*", "raghead*",
        "towelhead*", "sand nigger*", "gook*", "tranny", "trannies", "dyke*", "spic", "spics",
        "beaner*", "paki", "pakis", "chinaman", "golliwog*", "jigaboo*", "porch monkey*",
        "coon", "coons", "retard", "retards", "zipperhead*", "camel jockey*", "kaffir*",
    ), unless=("raccoon*",)),
    Rule("hate/violence-against-group", C.HATE, (
        "kill all", "killing all", "exterminat*", "wipe out", "wiping out", "eradicat*", "gas all",
        "gassing", "deport all", "get rid of all", "purge all", "cleanse", "lynch*", "hunt* down",
        "beat* up", "burn* down", "attack*", "ban all", "segregat*", "should die",
        "deserve to die", "must die", "go back to", "doesnt belong", "don t belong", "dont belong",
        "shoot*", "kill*", "murder*", "hang*", "stab*", "burn*", "gas", "round up", "rounding up",
    ), near=GROUPS, window=3, unless=("hate crime awareness",)),
    Rule("hate/dehumanising", C.HATE, ("vermin", "subhuman*", "rats", "cockroaches", "parasites",
                                       "animals", "apes", "monkeys", "inferior", "a disease",
                                       "a plague", "evil", "criminals", "terrorists", "filth",
                                       "scum", "not human", "less than human", "invaders", "freaks",
                                       "mentally ill", "perverts", "degenerate*", "groomers",
                                       "pedophiles", "predators", "savages", "pigs", "thieves",
                                       "rapists", "abominations", "diseased", "dirty", "filthy"),
         near=tuple(f"{g} are" for g in GROUPS) + tuple(f"{g} as" for g in GROUPS), window=1,
         reverse="never"),
    Rule("hate/mockery", C.HATE, ("mock*", "making fun of", "caricature*", "stereotyp*",
                                  "hate*", "hating", "humiliat*", "ridicul*", "insult*"),
         near=GROUPS, window=3, unless=("stereotypes debunked", "mockingbird*", "mocking bird*",
                                        "hate crime awareness", "breaking stereotypes")),
)

# ----------------------------------------------------------------------------------------------
# Self-harm
# ----------------------------------------------------------------------------------------------

SELF_HARM = (
    Rule("self_harm/explicit", C.SELF_HARM, (
        "suicide", "suicidal", "commit* suicide", "kill* myself", "kill* himself", "kill* herself",
        "kill* themselves", "kill* yourself", "kys", "self harm*", "selfharm*", "self injur*",
        "self mutilat*", "cut* myself", "cut* himself", "cut* herself", "cut* themselves",
        "cutting her wrist*", "cutting his wrist*", "cutting my wrist*", "cut* her wrist*",
        "cut* his wrist*", "slit* wrist*", "slit* her wrist*", "slit* his wrist*", "slit* my wrist*",
        "slits wrist*",
        r"re:(?:slit|slits|slitting|cut|cuts|cutting|slash\w*)\s+(?:(?:his|her|their|your|my|own)\s+)*wrists?",
        "razor cuts", "razor blade cuts", "hang* myself", "hang* himself",
        "hang* herself", "hang* themselves", "noose around", "end my life", "end his life",
        "end her life", "end their life", "end their lives", "ending my life", "ending her life",
        "ending his life", "take my own life", "take his own life", "take her own life",
        "taking her own life", "taking his own life", "took his own life", "took her own life",
        "overdos* on", "overdos* pills", "swallow* a bottle of pills", "swallowing pills to die",
        "pro ana", "proana", "thinspo*", "meanspo", "bonespo", "starv* herself", "starv* himself",
        "starv* myself", "purg* after eating", "jump* off a bridge to", "jump* to his death",
        "jump* to her death", "jump* to their death", "leap* to his death", "leap* to her death",
        "want* to die", "wants to die", "how to die", "ways to die", "painless way to die",
        "burn* herself", "burn* himself", "burn* myself", "self immolat*", "hurting herself",
        "hurting himself", "hurting myself", "hurt* herself on purpose", "bleed* herself",
        "blood from her wrist*", "blood from his wrist*", "bleeding wrist*", "cut marks", "scars on her wrist*",
        "hang* yourself", "cut* yourself", "burn* yourself", "starv* yourself", "thinspiration",
        "pro anorexia", "encourag* anorexia", "promot* anorexia", "glorif* anorexia", "anorexia tips",
        "encourag* bulimia", "end it all", "pills to die", "bottle of pills", "bottle of sleeping pills",
        r"re:(?:cut|cuts|cutting|slash\w*|carv\w*)\s+(?:(?:his|her|their|my|your|own)\s+)+(?:arms?|forearms?|thighs?|legs?|wrists?|skin|stomach)",
        r"re:(?:gun|pistol|revolver|barrel)\s+(?:to|against|in)\s+(?:(?:his|her|their|my|your)\s+)(?:own\s+)?(?:head|temple|mouth)",
    ), unless=("suicide prevention", "suicide hotline", "suicide awareness", "suicide squad",
               "suicide door*", "self harm awareness", "self harm prevention"),
       exempt_in=()),
)

# ----------------------------------------------------------------------------------------------
# Weapons, attacks and violent extremism
# ----------------------------------------------------------------------------------------------

WEAPONS = (
    Rule("weapons/explosives", C.WEAPONS, (
        "pipe bomb*", "nail bomb*", "car bomb*", "suicide bomb*", "suicide vest*", "dirty bomb*",
        "ied", "ieds", "improvised explosive*", "molotov*", "petrol bomb*", "fertilizer bomb*",
        "pressure cooker bomb*", "homemade bomb*", "homemade explosive*", "bomb making",
        "bombmaking", "make a bomb", "making a bomb", "build a bomb", "building a bomb",
        "assemble a bomb", "assembling a bomb", "detonat* a bomb", "plant* a bomb", "bomb threat",
        "tatp", "napalm recipe", "make napalm", "making napalm", "make thermite", "detonator*",
        "bomb the", "bombing the", "bombing of a", "terror* bombing*",
    ), unless=("photo bomb*", "photobomb*", "bath bomb*", "da bomb", "bombshell*", "bomb pop*",
               "bombing the exam", "bomb the exam", "bombing the audition", "bomb the audition",
               "bomb the test", "seed bomb*", "glitter bomb*", "chocolate bomb*", "cocoa bomb*",
               "bombing the test")),
    Rule("weapons/attacks", C.WEAPONS, (
        "mass shooting*", "school shooting*", "shooting spree*", "killing spree*", "active shooter*",
        "open* fire on", "opened fire on", "shoot up a school", "shoot up the school",
        "shoot* up a church", "shoot* up a mosque", "shoot* up a synagogue", "shoot* up a mall",
        "shoot* up a concert", "terror* attack*", "terrorist*", "terrorism", "jihad*", "isis",
        "isil", "al qaeda", "al qaida", "taliban fighter*", "hamas fighter*", "hezbollah fighter*",
        "boko haram", "al shabaab", "mujahideen", "martyrdom operation*", "hijack* a plane",
        "hijack* an airplane", "hijack* the plane", "hijacked plane*", "crash* a plane into",
        "fly* a plane into", "plane into the tower*", "plane into a building", "assassinat*",
        "car ramming", "ramming attack*", "truck attack*", "drive* into a crowd", "plow* into a crowd",
        "ploughs into a crowd", "vehicle ramming", "hostage execution*", "beheading video*",
        "manifesto of", "shooter manifesto", "extremist recruitment", "terrorist recruitment",
        "recruitment video for", "join the jihad", "join isis", "glorif* terror*", "glorif* the shooter",
        "glorif* the attack*", "lone wolf attack*", "bomb* a school", "bomb* a church",
        "bomb* a mosque", "bomb* a synagogue", "bomb* a hospital", "gas attack*", "chemical attack*",
        "anthrax attack*", "poison* the water supply", "poison* a water supply", "arson attack*",
        "islamic state", "nasheed*", "columbine shooter*", "flown into the",
        r"re:glorif\w*\s+(?:\w+\s+){0,3}(?:shooters?|bombers?|terrorists?|attackers?|massacres?|killers?)",
        r"re:(?:plane|jet|airliner|aircraft)s?\s+(?:\w+\s+){0,2}(?:into|at)\s+(?:a|the)\s+(?:\w+\s+)?(?:building|tower|skyscraper|white house|capitol|pentagon|crowd|stadium|school)",
        r"re:(?:grenades?|bombs?|explosives?|molotovs?)\s+(?:\w+\s+){0,2}(?:into|at|on)\s+(?:a|the)\s+(?:\w+\s+)?(?:crowd\w*|cafe|school|market|church|mosque|synagogue|bus|train|stadium|concert|mall|people|hospital|kindergarten)",
    ), unless=("goddess isis", "isis goddess", "temple of isis", "isis statue", "statue of isis")),
    Rule("weapons/construction", C.WEAPONS, (
        "3d printed gun*", "3d print* a gun", "3d print* a firearm", "ghost gun*", "auto sear*",
        "autosear*", "full auto conversion", "to full auto", "into full auto", "full auto kit*",
        "bump stock*", "solvent trap*", "untraceable gun*", "untraceable firearm*",
        "make a gun", "making a gun", "build a gun", "building a gun", "make a silencer",
        "homemade silencer*", "homemade suppressor*", "make a suppressor", "zip gun*",
        "chemical weapon*", "biological weapon*", "bioweapon*", "bio weapon*", "nerve agent*",
        "nerve gas", "sarin", "vx gas", "ricin", "anthrax", "mustard gas", "chlorine gas attack",
        "weaponiz*", "weaponis*", "enrich* uranium", "nuclear bomb instruction*", "make a nuke",
        "how to make a weapon", "how to make poison", "make poison", "cook* meth", "meth lab",
    )),
    Rule("weapons/strict", C.WEAPONS, ("gun*", "rifle*", "pistol*", "firearm*", "shotgun*",
                                       "handgun*", "ak 47", "ar 15", "ammo", "ammunition",
                                       "grenade*", "bomb*", "missile*", "explosion*", "sniper*"),
         strict_only=True, unless=("glue gun*", "hot glue gun*", "nail gun*", "water gun*",
                                   "squirt gun*", "heat gun*", "staple gun*", "bath bomb*",
                                   "photo bomb*", "flavor explosion", "color explosion*",
                                   "colour explosion*", "explosion of colo*")),
)

# ----------------------------------------------------------------------------------------------
# Real-person likeness, impersonation (names of protected people come from the policy)
# ----------------------------------------------------------------------------------------------

LIKENESS = (
    Rule("likeness/deepfake", C.LIKENESS, (
        "deepfake*", "deep fake*", "face swap*", "faceswap*", "swap* her face", "swap* his face",
        "swap* my face", "swap* their face*", "swap* the face*", "put* her face on",
        "put* his face on", "put* my face on", "put* my ex", "paste* her face", "paste* his face",
        "face replac*", "replace* the face", "replace* his face", "replace* her face",
        "lip sync* a real", "voice clon*", "clone* his voice", "clone* her voice",
        "impersonat*", "pretend* to be the", "posing as the real", "real person", "real people",
        "real life person", "actual person", "real celebrity", "real politician",
        "likeness of a real", "in the likeness of", "look* exactly like my", "look* exactly like a real",
        "from this photo of", "from her instagram", "from his instagram", "from her photos",
        "using her photo", "using his photo", "using a photo of my", "uploaded photo of my",
    ), unless=("not a real person", "no real people", "not real people", "fictional", "deepfake detection",
               r"re:(?:detect\w*|spot\w*|debunk\w*|identify\w*|identifying|recogni[sz]\w*|fact check\w*)\s+(?:\w+\s+){0,2}(?:fake news|deep\s*fakes?|misinformation|disinformation|doctored \w+|fake \w+)",
         r"re:(?:fake news|deep\s*fakes?|misinformation|disinformation)\s+(?:is|are|can be|gets?)\s+(?:\w+\s+)?(?:detected|spotted|debunked|identified|recogni[sz]ed|fact checked)")),
    Rule("likeness/private-person", C.LIKENESS, (
        "my ex*", "my classmate*", "my coworker*", "my co worker*", "my colleague*", "my neighbor*",
        "my neighbour*",
        "my boss", "my teacher", "my professor", "my roommate", "my landlord", "my sister in law",
        "my crush", "a girl from my school", "a girl i know", "a guy i know", "a real girl",
    ), with_any=("photo*", "picture*", "pic", "pics", "face", "instagram", "facebook", "selfie*",
                 "likeness", "look* like", "realistic", "photoreal*", "real", "humiliat*",
                 "embarrass*", "drunk", "naked", "nude", "kissing", "cheating", "arrest*",
                 "stealing", "confess*"),
         unless=("fictional",)),
    Rule("likeness/public-figure", C.LIKENESS, (
        "the president", "the prime minister", "the pope", "the king of", "the queen of",
        "the chancellor", "the ceo of", "the governor of", "the mayor of", "the senator from",
        "the us president", "the american president", "the french president", "the russian president",
        "the chinese president", "the ukrainian president", "the british prime minister",
        "the indian prime minister", "the german chancellor", "the supreme leader",
    ), near=("say*", "saying", "announc*", "admit*", "admitting", "confess*", "endors*",
             "declar*", "drunk", "naked", "arrest*", "crying", "kissing", "resign*", "collaps*",
             "speech", "statement", "caught", "taking a bribe", "bribe*", "insult*", "praising",
             "dancing", "smoking", "fall*", "stumbl*", "dead", "shot", "attacked", "promot*",
             "advert*", "real footage", "realistic", "photorealistic", "press conference"),
         window=6, unless=("fictional", "fictitious", "made up", "cartoon", "animated", "lego",
                           "toy", "class president", "student council president",
                           r"re:(?:president|king|queen|ceo|mayor)\s+of\s+(?:(?:the|our|a|my|his|her)\s+)?(?:\w+\s+){0,2}(?:club|society|association|council|committee|team|class|board|company|startup|bakery|castle|sandcastle)s?",
                           "chess king", "king of the hill", "queen of hearts", "king of hearts",
                           "drag queen*", "queen bee*", "king size*", "king crab*", "lion king",
                           "prom king", "prom queen", "homecoming queen", "beauty queen", "king penguin*",
                           "snow queen", "ice queen")),
)

# ----------------------------------------------------------------------------------------------
# Deceptive media
# ----------------------------------------------------------------------------------------------

DECEPTION = (
    Rule("deception/fabricated", C.DECEPTION, (
        "fake news", "fake breaking news", "fake news broadcast*", "fake news report*",
        "fake newscast*", "fake news clip*", "fake news footage", "fake footage",
        "fabricat* footage", "fabricat* evidence", "fabricat* video*", "fabricat* clip*", "fabricat* news", "fabricat* video evidence", "fake evidence",
        "fake alibi", "fake cctv", "fake security camera", "fake security footage",
        "fake surveillance", "fake bodycam", "fake body cam", "fake dashcam", "fake dash cam",
        "fake police footage", "fake confession*", "fake hostage video*", "fake eyewitness",
        "fake emergency alert*", "fake evacuation alert*", "fake missile alert*", "fake amber alert*",
        "fake election*", "fake ballot*", "ballot stuffing footage", "fake voter fraud",
        "fake voting", "election fraud footage", "fake polling", "fake press conference",
        "fake statement from", "fake announcement from", "fake speech by", "fake interview with",
        "fake endorsement*", "fake testimonial*", "fake celebrity endorsement*", "fake review video*",
        "doctored footage", "doctored video*", "staged as real", "pass* it off as real",
        "pass* off as real", "passes off as real", "pass it off as authentic", "make it look real",
        "make it look authentic", "make it look like real", "look* like real news",
        "look* like genuine footage", "look* like authentic footage", "as if it were real",
        "indistinguishable from real", "so people believe it", "so people think it is real",
        "so that people believe", "to fool people", "to trick people", "to deceive",
        "to mislead voters", "mislead voters", "disinformation", "misinformation campaign*",
        "propaganda video*", "propaganda footage", "hoax video*", "hoax footage",
        "false flag", "fake bbc", "fake cnn", "fake fox news", "fake reuters", "fake ap news",
        "fake al jazeera", "with the cnn logo", "with the bbc logo", "with a bbc logo",
        "with a cnn logo", "with the reuters logo", "forged document*", "forged passport*",
        "fake passport*", "fake id", "fake ids", "fake driver* license*", "counterfeit money",
        "counterfeit bill*", "remove* the watermark", "remove* watermark*", "without a watermark",
        "without watermark*", "no watermark", "strip* the watermark", "strip* c2pa",
        "remove* c2pa", "undetectable as ai", "undetectable ai", "not look ai generated",
        "not look like ai", "hide that it is ai", "hide that it s ai", "phishing video*", "scam video*",
        "crypto scam*", "investment scam*", "fake giveaway*", "fake charity",
    ), unless=("about fake news", "fake news literacy", r"re:(?:detect\w*|spot\w*|debunk\w*|identify\w*|identifying|recogni[sz]\w*|fact check\w*)\s+(?:\w+\s+){0,2}(?:fake news|deep\s*fakes?|misinformation|disinformation|doctored \w+|fake \w+)",
         r"re:(?:fake news|deep\s*fakes?|misinformation|disinformation)\s+(?:is|are|can be|gets?)\s+(?:\w+\s+)?(?:detected|spotted|debunked|identified|recogni[sz]ed|fact checked)")),
    Rule("deception/real-event", C.DECEPTION, (
        "realistic news footage", "real news footage", "breaking news footage",
        "breaking news broadcast", "live news broadcast", "news report showing",
        "cctv footage of", "security camera footage of", "bodycam footage of", "body cam footage of",
        "dashcam footage of", "leaked footage of", "leaked video of", "leaked tape of",
        "authentic footage of", "real footage of", "eyewitness video of", "phone footage of",
    ), near=("explosion*", "attack*", "bomb*", "shooting", "arrest*", "riot*", "crash*",
             "fire at", "burning", "collaps*", "invasion", "coup", "fraud", "stolen", "stealing",
             "murder*", "assault*", "protest* turn*", "looting", "massacre*", "war", "missile*",
             "president", "prime minister", "senator", "ceo", "pope", "candidate", "politician",
             "police", "pentagon", "white house", "capitol", "parliament", "kremlin", "election",
             "ballot*", "polling station*", "celebrity"),
         window=8, unless=("fictional", "fictitious", "movie scene", "film scene", "for a film",
                           "for a movie", "video game")),
)

# ----------------------------------------------------------------------------------------------

RULES: tuple[Rule, ...] = SEXUAL + MINORS + VIOLENCE + HATE + SELF_HARM + WEAPONS + LIKENESS + DECEPTION
