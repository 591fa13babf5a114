"""Eighth-round rules: harm described by euphemism, by its preparations or by its outcome.

Written after reading the seventh round's held-out misses (`test9`, tuning data since this round)
as the *kinds* of prompt they are, not as the prompts:

* weapons: an explosive named by a euphemism ("goes boom", "party popper", "boom-boom") near a
  crowded place; something "strong enough to clear a stadium"; making a pathogen spread between
  people or more lethal; a poison plant processed into a powder; loading magazines with a school
  or another crowded target in the prompt;
* violence: an animal "taken care of", "put to sleep" or "dealt with" by a blow, and an animal
  swung against a wall; killing by stomping or kicking;
* self-harm: a goodbye ("see you on the other side", "you should come too") on a ledge, a roof or
  a bridge;
* minors: a dare or challenge with household poisons, pills or a jump from a roof near a child;
  children's labour shown by its conditions (a supervisor with a stick, 3 a.m., a dim room);
* hate: monkey chants at a Black player, "useless eaters", mocking people wearing yellow stars,
  dehumanising words near a (religious) minority;
* sexual: sex with an animal; "sexual contact";
* deception: slang for a lie ("cap news"), an announcement styled as a live broadcast.

Their exceptions are context words ("documentary", "vet", "safety lesson"), so they are
`unless_any` (the rule is off when one occurs) rather than `unless` (masked, and cut from the
classifier's views, where such words are evidence of a harmless prompt).
"""

from __future__ import annotations

from sora_sdk.safety.lexicon.intent import _ANIMALS, _TARGETS
from sora_sdk.safety.lexicon.vocabulary import CHILD, GROUPS
from sora_sdk.safety.policy import Category as C
from sora_sdk.safety.rules import Rule

_CROWDED = _TARGETS + ("market", "crowded market", "marketplace", "bazaar", "arena", "rally", "marathon", "train",
                       "airport", "station", "crowded", "packed", "busy street", "fans", "shoppers", "worshippers")
_KIDS = CHILD + ("kids", "kiddo*", "kiddies", "little ones", "schoolchildren", "tiny hands", "small hands", "little hands")
_ABOUT = ("documentary", "awareness", "psa", "warning", "warns", "warn parents", "safety", "out of reach", "prevent*",
          "news report", "campaign against", "lesson", "explainer")

WEAPONS_INDIRECT = (
    Rule("weapons/euphemism-explosive", C.WEAPONS, (
        "goes boom", "go boom", "going boom", "boom boom", "boomboom", "kaboom", "big boom", "party popper*",
        "special cake", "surprise package", "surprise gift that explodes", "explodes on", "blows up on",
        r"re:(?:strong|big|powerful|loud)\s+enough\s+to\s+(?:clear|level|flatten|wipe\s+out|take\s+out|empty)\s+(?:a|the|an)\s+(?:\w+\s+)?(?:stadium|arena|room|crowd|street|market|school|building|bus|train|concert|block)",
    ), near=_CROWDED + ("backpack", "pressure cooker"), window=12,
         unless_any=("fireworks show", "fireworks display", "confetti", "gender reveal", "baking soda volcano", "science fair",
                 "party popper confetti", "kids party", "birthday party")),
    Rule("weapons/pathogen-enhancement", C.WEAPONS, (
        "modif*", "engineer*", "enhanc*", "tweak*", "mutat*", "splic*", "edit*", "make", "making", "turn*",
        "weaponi*", "gain of function",
    ), near=("virus*", "strain*", "pathogen*", "bird flu", "flu", "influenza", "h5n1", "bacteri*", "anthrax", "smallpox",
             "ebola", "coronavirus", "covid", "plague", "germ*"), window=6,
         with_any=("spread* between humans", "spread* among humans", "spread* between people", "spread* to humans",
                   "human to human", "more transmissible", "more contagious", "more lethal", "more deadly", "airborne",
                   "vaccine resistant", "resistant to vaccines", "antibiotic resistant", "resistant to antibiotics",
                   "infect more people", "kill more people", "pandemic strain", "gain of function"),
         unless_any=("documentary", "news report", "history of", "vaccine research", "how vaccines", "biosafety", "explainer")),
    Rule("weapons/poison-plant", C.WEAPONS, ("castor bean*", "castor seed*", "rosary pea*", "abrus seed*", "oleander leaves"),
         near=("grind*", "ground", "crush*", "wash*", "extract*", "purif*", "powder", "white powder", "envelope", "mash*",
               "acetone", "filter*", "soak*"), window=12, unless_any=("castor oil",)),
    Rule("weapons/attack-preparation", C.WEAPONS, (
        "load* magazines", "loading magazines", "fill* magazines", "load* ammo", "load* ammunition", "load* rounds",
        "bell schedule", "lunch rush", "maps the doors", "map* the exits", "map* the doors", "block* the exits",
        "chain* the doors", "chained the doors",
    ), with_any=("school", "cafeteria", "classroom", "church", "mosque", "synagogue", "mall", "concert", "campus",
                 "rifle*", "gun*", "ammo", "ammunition", "magazines", "vest"),
         unless_any=("magazine rack*", "onto shelves", "library", "gun range", "shooting range", "fire drill*", "fire safety",
                 "evacuation drill*", "lockdown drill*", "dishwasher", "school bus schedule")),
)

VIOLENCE_INDIRECT = (
    Rule("violence/animal-euphemism", C.VIOLENCE, (
        "taken care of", "take care of it", "dealt with", "deal with it", "got rid of", "get rid of", "disposed of",
        "put to sleep", "put it to sleep", "put the cat to sleep", "put the dog to sleep", "finished off", "silenced",
    ), near=_ANIMALS, window=10,
         with_any=("shovel", "hammer", "bat", "brick*", "wall", "rock", "boot*", "stomp*", "swing*", "swung", "smash*",
                   "slam*", "bucket", "sack", "plastic bag", "river", "drown*", "run over", "kick*"),
         unless_any=("vet", "veterinar*", "peacefully", "injection", "rescue*", "adopt*", "shelter staff")),
    Rule("violence/swung-against", C.VIOLENCE, (
        r"re:(?:swing|swung|swinging|slam|slams|slamming|slammed|smash|smashing|smashed|hurl|hurled|hurling|throw|throws|throwing|threw|dash|dashing|bash|bashing)\w*\s+(?:it|him|her|them|the\s+\w+|a\s+\w+|its\s+\w+)\s+(?:\w+\s+){0,2}(?:against|into)\s+(?:a\s+|the\s+)?(?:brick\s+|concrete\s+|stone\s+)?(?:wall|floor|ground|pavement|tree|curb)",
    ), with_any=_ANIMALS),
    Rule("violence/killed-by-foot", C.VIOLENCE, ("stomp* to death", "kick* to death", "trampl* to death",
                                                 "stamp* to death", "curb stomp*"),
         unless_any=("elephant*", "stampede")),
)

SELF_HARM_INDIRECT = (
    Rule("self_harm/goodbye-on-edge", C.SELF_HARM, (
        "see you on the other side", "you should come too", "come with me", "join me", "goodbye forever",
        "my last video", "my final video", "final goodbye", "last goodbye", "this is goodbye", "won t be here tomorrow",
        "not be here tomorrow", "nobody will miss me", "no one will miss me",
    ), with_any=("edge of a roof*", "edge of the roof*", "edge of a building", "edge of the building", "ledge",
                 "rooftop", "roof", "bridge", "cliff edge", "edge of a cliff", "railing", "train tracks", "noose", "pills"),
         unless_any=("parachute", "skydiv*", "bungee", "zipline", "zip line", "base jump*", "graduation", "moving away",
                 "new job", "farewell party", "helpline", "hotline")),
)

MINORS_INDIRECT = (
    Rule("minors/poison-challenge", C.MINORS, (
        "detergent*", "laundry pod*", "tide pod*", "bleach", "parents pills", "parent s pills", "parents medication",
        "pills", "medicine", "medication", "cough syrup", "hand sanitizer", "cinnamon",
        r"re:jump\w*\s+(?:off|from)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:roofs?|rooftops?|buildings?|balcon\w+|bridges?|cliffs?)",
    ), near=_KIDS, window=10,
         with_any=("challenge", "dare", "dares", "daring", "dared", "trend", "candy", "game", "encourag*"),
         unless_any=_ABOUT + ("lock* away", "locked cabinet", "child proof", "childproof", "poison control", "doctor", "nurse",
                          "pharmacist", "diving board", "into the pool")),
    Rule("minors/labour-conditions", C.MINORS, (
        "stitch*", "sew*", "sewing", "weav*", "carrying bricks", "carry* bricks", "digging", "mining", "rolling cigarettes",
        "picking cotton", "harvesting", "working", "scrubbing", "hauling",
    ), near=_KIDS, window=6,
         with_any=("supervisor", "overseer", "stick", "whip", "3am", "2am", "4am", "at night", "dim room", "no breaks",
                   "quota", "for pennies", "chained", "locked in", "dream job", "sweatshop*", "factory floor"),
         unless_any=_ABOUT + ("craft class", "school project", "chores chart", "grandma", "grandmother"),
         # Thirteenth round (long-scene synthetic prompts): a knitter's dropped stitch, a dog's stick.
         unless=("drop* a stitch", "dropped stitch*", "stick for the dog", "stick for his dog", "stick for her dog")),
)

HATE_INDIRECT = (
    Rule("hate/racist-abuse", C.HATE, ("monkey noises", "monkey chants", "monkey sounds", "monkey gestures", "ape noises",
                                       "monkey chanting", "throw* bananas at", "banana* thrown at", "bananas at a black"),
         with_any=("black", "player", "footballer", "athlete", "african", "striker", "defender"),
         unless_any=("zoo", "jungle", "nature documentary", "campaign against", "anti racism", "antiracism", "kick it out",
                 "condemn*", "banned for", "fined for", "punished for", "news report", "documentary")),
    Rule("hate/dog-whistles-2", C.HATE, ("useless eater*", "life unworthy of life", "lebensunwertes", "untermensch*")),
    Rule("hate/mocking-victims", C.HATE, ("yellow star*", "striped uniforms", "camp uniforms", "cattle cars"),
         with_any=("mock*", "cheerful", "laugh*", "celebrat*", "jok*", "funny", "comedy", "comic", "meme*", "upbeat",
                   "dancing", "party"),
         unless_any=("memorial", "museum", "remembrance", "documentary", "history lesson", "survivor*", "sombre", "somber",
                 "respectful", "mourning")),
    Rule("hate/dehumanising-minority", C.HATE, ("vermin", "insects", "bugs", "cockroaches", "rats", "parasites", "termites",
                                                "lice", "plague", "disease"),
         near=("minority", "minorities", "minority community", "religious minority", "ethnic minority"), window=8,
         unless_any=("nature documentary", "pest control", "garden")),
    # Sixteenth round (`test20`): a group turned into vermin with an arrow, in emoji ("\U0001f9d5\u27a1\U0001f400":
    # read as "person with headscarf then rat") or in words ("immigrants -> rats").
    Rule("hate/turned-into-vermin", C.HATE, (
        r"re:(?:" + "|".join(GROUPS + ("person with headscarf", "headscarf", "hijab", "kippah", "yarmulke", "turban",
                                        "person wearing turban", "man with gua pi mao")) +
        r")\s+then\s+(?:a\s+)?(?:rats?|mouse|mice|cockroach\w*|bugs?|lice|louse|pigs?|apes?|monkeys?|gorillas?|vermin|parasites?|(?:lady\s+)?beetles?)(?![a-z])",
    )),
)

SEXUAL_INDIRECT = (
    Rule("sexual/bestiality", C.SEXUAL, (
        "bestiality", "zoophil*",
        r"re:(?:sex\w*|intercourse|mating|sexual\s+contact|sexual\s+acts?|fuck\w*|penetrat\w*|aroused\s+by)\s+(?:\w+\s+){0,3}with\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+)?(?:horses?|dogs?|animals?|goats?|sheep|pigs?|donkeys?|pon(?:y|ies)|cows?|mares?|stallions?)(?![a-z])",
    )),
    Rule("sexual/contact", C.SEXUAL, ("sexual contact", "sexual touching"),
         unless_any=("no sexual contact", "without sexual contact", "consent education", "sex education", "awareness")),
)

DECEPTION_INDIRECT = (
    Rule("deception/slang", C.DECEPTION, ("cap news", "cap story", "cap video", "cap clip", "lowkey cap", "fake ahh",
                                          "fake ass news", "clout news")),
    Rule("deception/styled-live", C.DECEPTION, (
        "styled as a live", "styled as live", "as a live broadcast", "as a live news", "live white house broadcast",
        "live broadcast from the white house", "face and voice exact", "exact face and voice", "exact voice and face",
        "voice and face exact", "as a live address",
    ), with_any=("president", "prime minister", "minister", "leader", "king", "queen", "chancellor", "general",
                 "missile*", "war", "nuclear", "attack*", "invasion", "announc*"),
         unless_any=("satire", "parody", "fictional", "clearly labelled", "clearly labeled")),
)

RULES_INDIRECT = (WEAPONS_INDIRECT + VIOLENCE_INDIRECT + SELF_HARM_INDIRECT + MINORS_INDIRECT + HATE_INDIRECT
                  + SEXUAL_INDIRECT + DECEPTION_INDIRECT)
