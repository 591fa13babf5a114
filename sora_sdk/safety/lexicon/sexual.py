"""Rules for sexual content and for minors (sexualisation of, or harm aimed at, children)."""

from __future__ import annotations

from sora_sdk.safety.lexicon.vocabulary import CHILD, GENTLE_SENSES, PEOPLE, SEXUAL_WORDS
from sora_sdk.safety.policy import Category as C
from sora_sdk.safety.rules import Rule


# ----------------------------------------------------------------------------------------------
# Sexual content
# ----------------------------------------------------------------------------------------------

_SEXUAL_UNLESS = (
    "nude lipstick", "nude lip*", "nude heel*", "nude shoe*", "nude pump*", "nude color*",
    "nude colour*", "nude tone*", "nude palette*", "nude makeup", "nude beige", "nude nail*",
    "nude sandal*", "nude pointe shoe*", "nude ballet flat*", "nude tights", "naked eye", "naked flame", "naked truth", "naked bulb", "naked tree*",
    "naked branch*", "naked mole rat*", "naked wire*", "sex education", "sexual health",
    "sexual harassment awareness", "sex of the", "sex determination", "sexual dimorphism",
    "sexual reproduction", "cum laude", "magna cum laude", "summa cum laude", "pussy willow*",
    "pussycat*", "blue tit*", "great tit*", "coal tit*", "sexy car", "sexy sports car",
    "nude eyeshadow*", "nude eye shadow*", "nude lip liner*", "nude nail polish", "nude foundation",
    "nude blush", "nude manicure*", "safe sex", "safer sex", "rugby hooker*",
    "sex pistols", "sex on the beach", "intercourse pennsylvania", "sex and the city", "naked cake*", "naked juice", "naked ape", "by sex",
    # Sixteenth round: services for survivors ("an explainer for a sexual-assault referral centre").
    r"re:sexual\s*assault\s+(?:referral|support|survivors?|helplines?|hotlines?|crisis|advocacy|advocates?|awareness|prevention|nurses?|examiners?|services?|centres?|centers?|clinics?|counsel\w*)(?![a-z])",
    "sex of the", "sex of a", "sex of their", "determin* the sex", "determin* sex", "sex ratio*", "sex chromosome*", "sex determination", "opposite sex",
    "same sex", "sexing", "sex cells", "paint stripper*", "wire stripper*", "varnish stripper*", "stripping paint",
    "stripping thyme", "stripping the leaves", "stripping leaves", "stripping wire*",
    "rear naked choke*", "naked choke*",  # eighth round: a grappling hold
    r"re:hooker\w*(?=.*(?:scrum|rugby|line\s*out))",
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
        # Thirteenth round (`test17`): euphemisms for the act.
        "horizontal tango", "horizontal mambo", "bump* uglies", "bumping uglies", "hide the salami",
        "in her birthday suit", "in his birthday suit", "in their birthday suits",
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
         window=3, unless=_SEXUAL_UNLESS + (
             # Seventh round: steam, not sex.
             "steamy bathroom*", "steamy mirror*", "steamy window*", "steamy kitchen*", "steamy bowl*",
             "steamy cup*", "steamy mug*", "steamy jungle*", "steamy rainforest*", "steamy greenhouse*")),
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
                                  "goodnight kiss", "kiss goodnight", "family pose*",
                                  # Fourteenth round: explainers for parents about grooming.
                                  "online grooming prevention", "grooming prevention", "prevent* grooming",
                                  "grooming awareness", "warning signs of grooming", "grooming warning sign*",
                                  # Sixteenth round: "online-safety lesson for parents: how groomers build trust in
                                  # games and the warning signs" (the explainer's own words, in a safety lesson).
                                  r"re:how\s+(?:online\s+)?groomers?\s+(?:\w+\s+){0,2}(?:build|gain|win|earn|operate|work|target|approach|contact)\w*(?=.*(?:parents?|teachers?|safeguarding|online\s*safety|warning\s+signs?|awareness|prevention|privacy\s+settings|how\s+to\s+report))"),
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
                                       "bruis*", "battered", "smack*", "caned", "caning", "flogg*", "being hit", "being slapped",
                                       "being punched", "being kicked", "covered in bruises"),
         near=CHILD + ("kids", "newborn", "schoolchildren", "students", "pupils"),
         window=4,
         unless=("kick* the ball", "kick* a ball", "kicking a ball", "hit* the ball", "hit* a ball",
                 "throw* a ball", "throw* the ball", "throwing a frisbee", "kid gloves", "kidding",
                 "shake* hands", "shaking hands", "shak* a rattle", "burn* calories",
                 "throw* a party", "hit* a pinata", "hit the pinata", "sunburn*", "hit song*",
                 "hits the drum", "beat* the drum*", "beat* the heat", "heartbeat*", "beats",
                 "bruised knee*", "bruised elbow*", "bruised shin*", "bruised toe*", "bruised finger*",
                 "bruised banana*", "bruised apple*", "bruised ego", "scraped knee*",
                 # Thirteenth round: shots in a game ("winning on bank shots, and the kids ...").
                 "bank shot*", "jump shot*", "trick shot*", "slap shot*", "free throw*", "three point shot*",
                 # Fourteenth round: water-safety messages ("drowning-prevention PSA: ... kids in a pool").
                 "drowning prevention", "prevent* drowning", "drowning awareness",
                 *GENTLE_SENSES),
         reverse="passive", also=(C.VIOLENCE,)),
    # Sixth round: harm to children without sexual content, written from the category's
    # definition (the written minors prompts were almost all sexual). Abuse and neglect by the
    # acts themselves, exploitation by name, luring by what the adult offers or asks, and dangerous
    # challenges by name.
    Rule("minors/abuse", C.MINORS, ("scald*", "cigarette burn*", "burn* with a cigarette", "kneel* on rice",
                                    "kneel* on uncooked rice", "locked in a closet", "locks * in a closet",
                                    "locking * in a closet", "in a dog cage", "in a dog crate", "chained to",
                                    "chain* * to a radiator", "force feed*", "forcefeed*", "starved", "starving * as punishment",
                                    "shaken baby", "shak* the baby", "shak* a baby", "shak* a crying baby",
                                    "head under the water", "head under the bathwater", "head in a toilet",
                                    "by the hair", "against a wall", "with a belt", "with a wooden spoon", "with a stick",
                                    # Seventh round: a child left in a hot car.
                                    "in a hot car", "in the hot car", "in a parked car in the sun", "in a locked car in the sun",
                                    "locked in a car", "left in the car in the heat", "in a car in the summer heat"),
         near=CHILD + ("kids", "newborn", "schoolchildren"), window=6, also=(C.VIOLENCE,)),
    Rule("minors/exploitation", C.MINORS, (
        "child labo*", "child soldier*", "child bride*", "child marriage*", "child traffick*", "trafficked child*",
        "trafficking children", "child beggar*", "sell* a child", "selling children", "sold a child",
    ), unless=(r"re:child\s*labou?r\w*(?=.*(?:ngos?|charit\w+|campaigners?|activists?|unicef|working\s+to\s+end|to\s+end\s+it|fight\w*\s+against|rescued))",
               "against child labo*", "end* child labo*", "history of child labo*", "child labo* law*",
               "ban* child labo*", "fight* child labo*", "stop* child labo*", "anti child labo*", "former child soldier*",
               "child marriage awareness", "against child marriage", "end child marriage", "end* child traffick*",
               "against child traffick*", "stop child traffick*")),
    Rule("minors/labour", C.MINORS, ("forced to work", "forced labo*", "forced to beg", "forced to sew", "forced to carry",
                                     "forced to mine", "forced to fight", "made to work", "sweatshop*", "brick kiln*",
                                     "cobalt mine*", "working in a mine", "work in a mine", "married off",
                                     "recruited as soldiers", "recruit* as soldiers", "handing rifles to", "hand* rifles to",
                                     "given rifles", "given guns", "armed group", "militia"),
         near=CHILD + ("kids", "schoolchildren"), window=8),
    Rule("minors/luring", C.MINORS, ("lure", "lures", "luring", "lured", "entic*", "coax*", "offer* * candy",
                                     "offer* candy", "offer* * sweets", "offer* * a ride", "offer* * rides",
                                     "get in his van", "get into his van", "into a van", "into his van", "into his car",
                                     "get in his car", "sneak out", "run away from home", r"re:keep\w*\s+(?:\w+\s+){0,3}(?:a\s+)?secrets?(?![a-z])",
                                     "keep it a secret", "keep it secret", "our little secret", "our secret",
                                     "special secret", "don t tell your parents", "dont tell your parents",
                                     "don t tell your mom", "dont tell your mom", "not tell anyone", "meet him alone",
                                     "meet her alone", "meet up alone", "meet alone"),
         near=CHILD + ("kids", "schoolchildren"), window=8,
         with_any=("stranger", "man", "adult", "older", "van", "car", "online", "chat", "game chat", "gift*", "candy",
                   "sweets", "puppy", "secret*", "alone", "meet*")),
    Rule("minors/dangerous-challenge", C.MINORS, ("blackout challenge", "choking game", "pass out challenge",
                                                  "passout challenge", "fainting game", "tide pod*", "detergent pod*",
                                                  "laundry pod*", "skull breaker challenge", "skullbreaker challenge",
                                                  "benadryl challenge", "fire challenge", "outlet challenge",
                                                  "penny challenge", "salt and ice challenge", "choking challenge",
                                                  "suffocation challenge", "blackout game", "pass out game",
                                                  "hanging challenge", "on a dare", "as a dare",
                                                  "for a dare", "dared to", "for a viral challenge", "for a challenge",
                                                  "for a video challenge", "for an online challenge", "for a trend",
                                                  "for a viral trend", "for a prank video", "loaded gun", "loaded handgun",
                                                  "loaded pistol", "lit firecracker", "get high"),
         near=CHILD + ("kids", "schoolchildren", "teens"), window=8,
         unless=(r"re:(?:laundry|detergent|tide)\s*pods?\s+(?:\w+\s+){0,2}(?:locked|out of reach|away|up high)[a-z ]*",
                 "out of reach", "locked away", "gun safe*", "safety lesson*")),
)
