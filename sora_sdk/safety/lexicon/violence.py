"""Rules for graphic violence and gore, and for self-harm."""

from __future__ import annotations

from sora_sdk.safety.lexicon.vocabulary import GENTLE_SENSES, PEOPLE
from sora_sdk.safety.policy import Category as C
from sora_sdk.safety.rules import Rule


# ----------------------------------------------------------------------------------------------
# Graphic violence and gore
# ----------------------------------------------------------------------------------------------

_VIOLENCE_UNLESS = (
    "kill the lights", "kills the lights", "kill the engine", "kill the music", "kill time",
    "killing time", "kill the mood", "killer whale*", "killer app*", "killer heels", "killer view",
    "killer smile", "killer deal", "chili is a killer", "curry is a killer", "sauce is a killer",
    "killed it on stage", "kill* it on stage", "beat* the final boss", "beat* the boss", "beat* the level",
    "stomp* on mushroom*", "photo shoot", "photoshoot", "shoot* a video", "shoot* video",
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
    "insulin shot*", "b12 shot*", "drop* the beat", "beat drop*", "no gore", "without gore",
    "zero gore", "no blood", "genocide memorial*", "genocide museum*", "genocide remembrance",
    "genocide survivor*", "survivors of the genocide",
    r"re:exhibit\w*\s+(?:about|on)\s+(?:the\s+)?(?:\w+\s+)?genocide",
    # Eighth round: eggs beaten for an omelette, food that "murders your taste buds", a "price massacre".
    r"re:(?:eggs?|egg\s+whites?|yolks?|batter|cream|butter|dough|mixture)\s+(?:\w+\s+){0,4}beat\w*\s+(?:them|it)",
    r"re:beat\w*\s+(?:them|it)\s+(?:\w+\s+){0,3}(?:omelet\w*|batter|meringue|peaks|fluffy|frothy|smooth|scrambled)",
    r"re:(?:murder|kill|destroy|assault|attack|punch)\w*\s+(?:your|my|the|our|his|her|their)\s+taste\s*buds",
    r"re:(?:price|prices|pricing|sale|sales|deal|deals|discount|discounts|bargain|bargains)\s+massacre\w*",
    r"re:massacr\w*\s+(?:the\s+|our\s+|all\s+)?(?:prices|competition)",
    # ... and mourning after a shooting ("a memorial for the mass shooting victims").
    r"re:(?:vigil|memorial|mourn\w*|remembrance|anniversary|candlelight)\s+(?:\w+\s+){0,3}(?:the\s+|a\s+)?(?:mass|school)\s*shootings?(?:\s+victims)?",
    *GENTLE_SENSES,
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
        "tortur*", "massacre*", "slaughter", "slaughtered", "slaughtering", "slaughters", "lynch*", "genocide", "ethnic cleansing",
        "execution video", "public execution", "firing squad", "shot in the head", "shot in the face",
        "blown apart", "blown to pieces", "ripped apart", "torn apart by", "mangled bod*", "rotting bod*", "decompos* bod*", "mass grave*", "carnage",
        "bloody murder", "brutal murder", "brutally murder*", "brutally beat*", "stabbing",
        "stabbed", "gouge* out", "eye gouging", "impal*", "crucifixion of",
        r"re:(?:slit|slits|slitting|cut|cuts|cutting)\s+(?:(?:his|her|their|your|my|the|a)\s+)?(?:\w+\s+)?throats?",
        "throat slit", "throat cut", "throats slit",
        "crushed bod*", "charred bod*", "burnt bod*", "bloody bod*", "blood and guts", "guts out",
        "to pieces with", "hack* to pieces", "hack* to death", "hack* apart", "chop* to pieces",
        "cut to pieces", "cut into pieces", "gutted like",
        r"re:gutt(?!ers?(?![a-z]))\w*\s+(?:(?:a|the|his|her)\s+)?(?:man|woman|person|victim|him|her|body|guy|prisoner|hostage|child)(?![a-z])", "brains blown*",
        "brains out", "shot dead", "shoots dead", "beaten to death", "beat* to death",
        "stabbed to death", "stab* to death", "set alight", "set ablaze", "burned to death",
        "burnt to death",
        r"re:(?:head|skull|face|brains?)\s+(?:\w+\s+)?(?:smashed|crushed|caved|bashed|split|blown)(?:\s+(?:in|open|off))?",
        r"re:(?:smash|crush|cave|bash|blow|blew|split)\w*\s+(?:in\s+)?(?:(?:his|her|their|the|a|someone s|my|your)\s+)?(?:head|skull|face|brains?)\s+(?:in|open|apart|off)",
        r"re:shoot\w*\s+(?:\w+\s+){0,3}dead(?![a-z])",
        # Beating a person or an animal "until it stops moving": the outcome names the violence.
        r"re:until\s+(?:it|he|she|they|one|someone|somebody|(?:the|its|his|her|one\s+of\s+(?:the|them))\s+\w+)\s+(?:stops?|quits?)\s+(?:moving|breathing|twitching|struggling)",
    ), unless=_VIOLENCE_UNLESS + (
        "tortured artist", "tortoise*", "shot dead center", "shoots dead center",
        # Thirteenth round (`test17`'s false positives): seeds, chords and a beach, not bodies.
        r"re:(?:dandelion|dandelions|seeds?|seedheads?|clocks?|fluff|petals?|clouds?|leaves|sandcastles?|bubbles?)\s+(?:\w+\s+){0,3}blown\s+apart",
        r"re:blown\s+apart\s+by\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:wind|breeze|gusts?)",
        "slaughter beach",
        r"re:massacr\w*\s+(?:the\s+)?(?:other|opposing|rival|visiting|home|away)\s+(?:team|side|squad)(?![a-z'\u2019])",
    )),
    # Clinical sights a medical deployment must be able to show; only the medical context lifts them.
    Rule("violence/clinical", C.VIOLENCE, ("autopsy", "autopsies", "open wound*", "compound fracture",
                                           "stab wound*", "gunshot wound*", "bullet wound*",
                                           "corpse*", "dead body", "dead bodies", "cadaver*"),
         exempt_in=("medical",), unless=("corpse reviver*",)),
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
        "slit lamp*",  # the eye doctor's microscope (tenth round)
        "kick* the ball", "kick* a ball", "kicking a ball", "kick* a soccer ball", "burn* a cd",
        "crush* on", "crush* grapes", "crush* ice", "smash* hit", "smashing pumpkins",
        "execut* a dance", "hang* with", "hang* around", "hanging around", "club* with",
        "dance club*", "golf club*", "book club*", "night club*", "nightclub*", "club house",
        "chopping", "bleed* colou*", "heart attack", "panic attack", "asthma attack",
        "attack* the problem", "shot put", "burn* the toast", "burnt toast", "whipped cream",
        "whip* cream", "whip* up", "smash* a serve", "smash burger*", "stomp* grapes",
        "stomp* in puddle*", "stomping in the puddle*", "smash* the piñata", "beat* box*",
        "beatbox*", "sunburn*", "burning man", "burn unit*", "burn ward*", "burn patient*", "burn center*",
        "burn centre*", "burn survivor*", "burn care", "burn victims recovery", "burn clinic*", "shooting guard*",
        "penalty shootout*", "penalty shoot out*", "shootout at the world cup", r"re:(?:the\s+)?hanged man(?=.*tarot)",
        "hanged man tarot", "tarot card the hanged man", "hanged man card*",
        # Thirteenth round: the slasher genre named as a mood ("slasher-movie atmosphere").
        "slasher movie*", "slashermovie*", "slasher film*", "slasher flick*", "slasher genre",
        # ... a photographer's shots ("the photographer shoots the couple under the arch") ...
        r"re:photograph\w*\s+(?:\w+\s+){0,3}shoot\w*",
        # ... and shots in a game ("winning on bank shots, and the kids can't believe it").
        "bank shot*", "jump shot*", "trick shot*", "slap shot*", "three point shot*",
        # Fourteenth round: water-safety messages ("drowning-prevention PSA: lifeguard watching kids").
        "drowning prevention", "prevent* drowning", "drowning awareness",
        # Fifteenth round: the Nigerian singer ("burna boy performing in lagos"; the typo view reads "burn boy").
        "burna boy", r"re:burna?\s+boy\s+(?:\w+\s+){0,2}(?:perform\w*|sing\w*|concerts?|live|music|albums?|songs?|tour\w*|on\s+stage)",
    ), exempt_in=()),
    Rule("violence/strict", C.VIOLENCE, ("blood*", "bloody", "fight*", "war", "battle*",
                                         "wound*", "dead", "death", "zombie*", "skeleton*"),
         strict_only=True, unless=_VIOLENCE_UNLESS + ("pillow fight*", "snowball fight*")),
)

# ----------------------------------------------------------------------------------------------
# Self-harm
# ----------------------------------------------------------------------------------------------

# Seventh round: suicide named where the prompt is about preventing it or getting help, in any
# word order (a glossed "campaign of prevention of suicide", "ask someone if they are thinking
# about suicide and how to get them help"). Masked for the rules and cut from the classifier's views.
_SUICIDE_HELP = (
    r"re:(?:prevent\w*|prevention|awareness|hotline|helpline|help\s*line|crisis\s+line|survivors?\s+of|bereave\w*|grief\s+after|loss\s+to|research\s+on|statistics\s+on)\s+(?:(?:of|to|the|against|about|on|for|and|a|an|ao|au|du|de|la|del|al)\s+){0,3}suicid\w*",
    r"re:suicid\w*(?=(?:\s+\S+){0,8}\s+(?:get\w*\s+(?:\w+\s+)?help|seek\w*\s+help|ask\w*\s+for\s+help|hotline|helpline|help\s*line|crisis\s+line|therapist|counsell?or|prevention))",
)

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
        "hang* herself", "hang* themselves", "noose around",
        r"re:(?:rope|noose|cord|belt)(?:\s+\S+){0,8}\s+kick\w*\s+(?:the\s+)?(?:chair|stool)\s+away", "end my life", "end his life",
        # Fifteenth round (`test19`): the user's own upload edited into a suicide ("loop my selfie so it
        # fades into me hanging in my room", "extend my clip so i walk into the ocean and never come
        # back", "tying the knot in my wardrobe ... then kicking the chair", "a razor on skin, blood").
        r"re:(?:fades?|fading|turns?|turning|cuts?|ends?|ending|morphs?|transitions?|dissolves?)\s+(?:\w+\s+){0,3}(?:into|to|with)\s+me\s+(?:hang(?:ing|ed)(?:\s+myself|\s+from\s+(?:a|the|my)\s+(?:rope|noose|door\s*frame|door|ceiling|beam|tree|bridge|stairs|banister|rafters?|wardrobe)|\s+in\s+(?:my|the|a)\s+(?:room|bedroom|closet|wardrobe|garage|bathroom|basement|attic|shed)|\s*$)|jumping\s+off\s+(?:the\s+|a\s+|my\s+)?(?:roof|bridge|building|balcony|cliff|ledge)|cutting\s+my\s+(?:wrists?|arms?|thighs?|skin|legs?)|overdosing|drowning(?:\s+myself|\s+in\s+the\s+(?:bath|bathtub|river|lake|sea|ocean)|\s*$))",
        r"re:walk\w*\s+into\s+the\s+(?:ocean|sea|river|lake|water|waves)\s+(?:\w+\s+){0,3}never\s+(?:come|comes|coming|came)\s+back",
        r"re:(?:knot|rope|noose)(?:\s+\S+){0,10}\s+kick\w*\s+(?:away\s+)?(?:the\s+|a\s+)?(?:chair|stool)(?!\s+over)",
        r"re:(?:razor|blade)s?\s+(?:on|across|against|into)\s+(?:\w+\s+){0,2}(?:skin|wrists?|arms?|thighs?)(?:\s+\S+){0,6}\s+(?:blood|bleed\w*)",
        r"re:(?:^|(?:me|i|he|she|they|him|her|myself|someone|pov|man|woman|girl|boy|person|teens?|teenager|student)\s+(?:\w+\s+){0,2})(?:jump|leap|fall)\w*\s+(?:off|from)\s+(?:the\s+)?(?:\d{2,}|[5-9])(?:st|nd|rd|th)?\s+(?:floor|storey|story)",
        # Thirteenth round (`test17`): the hanging told as steps ("ties a rope ... steps off the chair").
        r"re:(?:rope|noose|cord|belt)(?:\s+\S+){0,10}\s+(?:steps?|stepping|stepped)\s+off\s+(?:the\s+|a\s+)?(?:chair|stool|bucket|crate)",
        "end her life", "end their life", "end their lives", "ending my life", "ending her life",
        "ending his life", "take my own life", "take his own life", "take her own life",
        "taking her own life", "taking his own life", "took his own life", "took her own life",
        "overdos* on", "overdos* pills", "swallow* a bottle of pills", "swallowing pills to die",
        "pro ana", "proana", "thinspo*", "meanspo", "bonespo", "starv* herself", "starv* himself",
        "starv* myself", "purg* after eating", "jump* off a bridge to", "jump* to his death",
        "jump* to her death", "jump* to their death", "leap* to his death", "leap* to her death",
        "want* to die", "wants to die", "how to die", "ways to die", "painless way to die",
        "burn* herself", "burn* himself", "burn* myself", "self immolat*", "hurting herself",
        "hurting himself", "hurting myself", "sewer slide", "unaliv*", "hurt* herself on purpose", "bleed* herself",
        "blood from her wrist*", "blood from his wrist*", "bleeding wrist*", "cut marks", "scars on her wrist*",
        "hang* yourself", "cut* yourself", "burn* yourself", "starv* yourself", "thinspiration",
        "pro anorexia", "encourag* anorexia", "promot* anorexia", "glorif* anorexia", "anorexia tips",
        "encourag* bulimia", "end it all", "pills to die", "bottle of pills", "bottle of sleeping pills",
        r"re:(?:cut|cuts|cutting|slash\w*|carv\w*)\s+(?:(?:his|her|their|my|your|own)\s+)+(?:arms?|forearms?|thighs?|legs?|wrists?|skin|stomach)",
        r"re:(?:gun|pistol|revolver|barrel)\s+(?:to|against|in)\s+(?:(?:his|her|their|my|your)\s+)(?:own\s+)?(?:head|temple|mouth)",
        # Sixteenth round (`test20`): telling an audience to do it ("encourage viewers to overdose"), and
        # "taking the long nap" for suicide.
        r"re:(?:encourag\w*|urg(?:e|es|ed|ing)|tell(?:s|ing)?|convinc\w*|persuad\w*|dar(?:e|es|ed|ing)|challeng\w*|invit\w*)\s+(?:\w+\s+){0,3}to\s+(?:overdose|od|starve\s+(?:themselves|yourselves|yourself|herself|himself)|hang\s+(?:themselves|yourselves|yourself)|self\s*harm|end\s+(?:it\s+all|their\s+lives?|your\s+lives?|your\s+life))(?![a-z])",
        r"re:(?:take|takes|taking|took)\s+the\s+(?:long|forever|final|eternal|endless)\s+(?:nap|sleep)(?![a-z])",
        # Seventh round: a body part cut with a blade, without a possessive ("cutting arms with a blade").
        r"re:(?:cut|cuts|cutting|slash\w*|slic\w*|carv\w*)\s+(?:(?:his|her|their|my|your|own|the)\s+)*(?:arms?|forearms?|wrists?|thighs?|skin)\s+(?:\w+\s+){0,2}(?:with|using)\s+(?:a\s+|the\s+)?(?:blades?|razors?|razor\s+blades?|box\s+cutters?|shards?|piece\s+of\s+glass)",
    ), unless=_SUICIDE_HELP + ("suicide prevention", "suicide hotline", "suicide awareness", "suicide squad", "suicide risk*",
               "help for self harm", "help for selfharm", "help with self harm", "help with selfharm",
               "self harm support", "selfharm support", "self harm resources", "selfharm resources",
               "self harm counsel*", "selfharm counsel*", "self harm help*", "selfharm help*",
               "selfharm awareness", "selfharm prevention", "selfharm recovery", "recovery from selfharm",
               "suicide crisis line", "crisis line", "988", "suicide wing*", "suicide hot wing*",
               "used to selfharm", "used to self harm",
               # Eighth round: the signs of self-harm, for parents and teachers.
               r"re:(?:signs?|symptoms?|warning\s+signs?)\s+of\s+self\s*harm\w*",
               r"re:(?:recogni[sz]\w*|spot\w*|notic\w*)\s+(?:\w+\s+){0,2}self\s*harm\w*\s+(?:warning\s+)?signs?",
               r"re:self\s*harm\w*\s+(?:warning\s+)?signs?",
               "suicide door*", "self harm awareness", "self harm prevention", "suicide squeeze*",
               "self harm recovery", "recovery from self harm",
               # Fifteenth round: "a support group for people recovering from self harm".
               r"re:recover\w*\s+from\s+(?:self\s*harm\w*|suicid\w*|a\s+suicide\s+attempt)",
               # Sixteenth round (`test21`): "talking with a counsellor about healing from self-harm".
               r"re:heal\w*\s+from\s+(?:self\s*harm\w*|suicid\w*|a\s+suicide\s+attempt)",
               # ... and a wedding ("they tie the knot, then at the reception the kids kick the chair").
               r"re:ti(?:e|es|ed|ying)\s+the\s+knot(?=.*(?:reception|wedding|bride|groom|vows|newlyweds?|honeymoon|registry|chapel|church))"),
       exempt_in=()),
    # Sixteenth round (`test20`): "cutting tutorial with a blade, for beginners" (no body part named).
    Rule("self_harm/cutting-tutorial", C.SELF_HARM, (
        r"re:(?:^|(?:a|an|the|my|your|make|making|create|show|film|post|beginner\w*)\s+)cutting\s+(?:tutorial|guide|lesson|tips|for\s+beginners)",
    ), with_any=("blade", "blades", "razor blade*", "box cutter*", "scalpel*"),
       unless_any=("vegetable*", "onion*", "fruit*", "bread", "cake*", "meat", "fish", "kitchen", "chef", "knife skills", "hair*",
                   "barber*", "fabric", "sewing", "quilt*", "paper", "cardboard", "vinyl", "cricut", "stencil*", "wood*", "tile*",
                   "glass", "metal", "pipe*", "foam", "leather", "garden*", "prun*", "hedge*", "lawn*", "grass", "premiere",
                   "davinci", "editing", "timeline", "footage", "film editing", "video editing", "diamond*", "gem*",
                   "stone*", "laser", "cnc", "lathe", "woodwork*", "craft*", "scrapbook*", "rotary")),
)
