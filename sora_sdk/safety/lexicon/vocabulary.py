"""Word lists the rule chapters share: people, children, sexual words, groups, public roles."""

from __future__ import annotations

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
    "child", "children", "kid", "kiddie*", "kiddo*", "minor", "underage", "under age", "preteen", "pre teen",
    "teen", "teens", "teenager", "teenage", "young girl", "young boy", "little girl", "little boy",
    "schoolgirl", "schoolboy", "school girl", "school boy", "toddler", "baby", "babies", "infant",
    "loli*", "shota*", "tween", "juvenile", "middle schooler", "elementary school*", "daughter",
    "son", "niece", "nephew", "pupil", "girl scout", "boy scout", "cub scout", "junior high",
    # "12 year old", "12-year-old" (normalised to "12yearold"), "12yo", "12 yrs old"
    r"re:(?<![a-z0-9])(?:[1-9]|1[0-7])\s*(?:y\s*o|yrs?\s*old|years?\s*olds?)(?![a-z])",
    r"re:(?<![a-z0-9])(?:first|second|third|fourth|fifth|sixth|seventh|eighth|1st|2nd|3rd|4th|5th|6th|7th|8th)\s*graders?(?![a-z])",
    "grade schooler*", "gradeschooler*", "grade school girl*", "grade school boy*", "elementary schooler*",
    "kindergartner*", "kindergartener*", "preschooler*", "middle school girl*", "middle school boy*",
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
    "syrians", "kurds", "foreigners", "afghans", "somalis", "pakistanis", "turks", "poles", "nigerians",
)  # adjectives that double as nouns ("chinese lanterns", "whites" in laundry) are left out

PUBLIC_ROLES = (
    "president", "prime minister", "senator", "congressman", "congresswoman", "chancellor",
    "pope", "king", "queen", "ceo", "governor", "mayor", "minister", "general secretary",
    "supreme leader", "dictator", "celebrity", "pop star", "movie star", "actor", "actress",
    "news anchor", "presidential candidate",
)

# Harmless senses of violent verbs that the violence rules and the minors rule both mask
# (thirteenth round: `test17` and the long-scene synthetic prompts): a jab, a band's chord, chips
# drowned in vinegar, curling sweepers attacking the ice, a child's flu shot.
GENTLE_SENSES = (
    "flu shot*", "booster shot*", "vaccine shot*", "vaccination shot*", "allergy shot*", "tetanus shot*",
    r"re:stab\w*\s+(?:out\s+)?(?:a|the|one|that|its)?\s*(?:\w+\s+)?(?:chords?|notes?|synth\w*)(?![a-z])",
    r"re:drown\w*\s+(?:\w+\s+){0,2}in\s+(?:\w+\s+)?(?:vinegar|sauce|gravy|ketchup|syrup|butter|cream|cheese|chocolate|dressing|mayo\w*|custard|honey)",
    "attack* the ice", "sweepers attack*",
)
