"""Rules for real-person likeness and impersonation, and for deceptive media."""

from __future__ import annotations

from sora_sdk.safety.policy import Category as C
from sora_sdk.safety.rules import Rule


# Seventh round: media literacy in other word orders. Detecting a fake in a verb-final language,
# raw or glossed ("wie man Deepfake-Videos erkennt", "sahte haberleri nasil tespit": "fake news how
# detect"), and comparing a real clip with a deepfake.
_DETECT_VERBS = (r"(?:recogni[sz]\w*|detect\w*|spot\w*|identif\w*|debunk\w*|erkenn\w*|herkenn\w*|reconna\w*|"
                 r"riconosc\w*|reconhec\w*|reconoc\w*|rozpozn\w*|tespit\w*|mengenali|kenali|deteksi)")
_FAKES = r"(?:fake news|deep\s*fake\w*|misinformation|disinformation|doctored \w+|fake \w+)"
MEDIA_LITERACY = (
    rf"re:(?:how|wie|hoe|comment|come|como|jak|nasil|bagaimana|cara)\s+(?:(?:to|you|one|we|man|je|men|on|se|si|kita)\s+){{0,2}}"
    rf"{_FAKES}(?:\s+(?:videos?|clips?|images?|photos?|bilder|beelden|news|nachrichten|nieuws))?\s+{_DETECT_VERBS}",
    rf"re:{_FAKES}\s+(?:how|nasil|bagaimana|cara)\s+(?:to\s+)?{_DETECT_VERBS}",
    r"re:compar\w*\s+(?:\w+\s+){0,5}(?:with|to|against|and)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+)?deep\s*fakes?",
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
    ), unless=MEDIA_LITERACY + ("not a real person", "no real people", "not real people", "fictional", "deepfake detection",
               "elvis impersonator*", "celebrity impersonator*", "impersonator show*", "impersonation act",
               r"re:(?:check\w*|tell\w*|verify\w*|teach\w*|learn\w*)\s+(?:\w+\s+){0,5}(?:a\s+)?deep\s*fakes?",
               "scammers who clone voices", "scammers who clone voice*", "voice clone scam*", "voice cloning scam*",
               "warning viewers about", "warns viewers about",
               # Fifteenth round: "explainer: what a deepfake is and why consent matters".
               r"re:what\s+(?:a\s+)?deep\s*fakes?\s+(?:is|are|does|do)(?![a-z])",
               # Sixteenth round: a media-literacy lesson on how deepfakes are made and their tell-tale signs.
               r"re:how\s+deep\s*fakes?\s+(?:are|is|get|gets)\s+(?:made|created|produced|built)(?=.*(?:tell\s*tale|warning)\s+signs?|.*(?:media|news)\s*literacy|.*how\s+to\s+(?:spot|detect))",
               r"re:(?:avoid\w*|spot\w*|recogni[sz]\w*|warn\w*)\s+(?:\w+\s+){0,2}scams?\s+that\s+impersonat\w*",
               r"re:(?:podcast|documentary|lecture|talk|class|lesson|explainer|article|panel|debate)\s+(?:about|on)\s+(?:\w+\s+){0,2}deep\s*fakes?",
               r"re:(?:detect\w*|spot\w*|debunk\w*|identify\w*|identifying|recogni[sz]\w*|fact check\w*)\s+(?:\w+\s+){0,2}(?:fake news|deep\s*fakes?|misinformation|disinformation|doctored \w+|fake \w+)",
         r"re:(?:fake news|deep\s*fakes?|misinformation|disinformation)\s+(?:is|are|can be|gets?)\s+(?:\w+\s+){0,3}(?:detected|spotted|debunked|identified|recogni[sz]ed|fact checked)")),
    Rule("likeness/private-person", C.LIKENESS, (
        "my ex*", "my classmate*", "my coworker*", "my co worker*", "my colleague*", "my neighbor*",
        "my neighbour*",
        "my boss", "my teacher", "my professor", "my roommate", "my landlord", "my sister in law",
        "my crush", "a girl from my school", "a girl i know", "a guy i know", "a real girl",
    ), with_any=("photo*", "picture*", "pic", "pics", "face", "instagram", "facebook", "selfie*",
                 "likeness", "look* like", "realistic", "photoreal*", "real", "humiliat*",
                 "embarrass*", "drunk", "naked", "nude", "kissing", "cheating", "arrest*",
                 "stealing", "confess*"),
         unless=("fictional",
                 # Fifteenth round: taking the person out of a photo ("remove my ex from the group pic").
                 # Only when the removal is the whole request (the rest of the prompt may still be harm).
                 r"re:^(?:\w+\s+){0,2}(?:remov\w*|eras\w*|crop\w*|cut\w*|blur\w*|delet\w*|tak\w*|edit\w*)\s+(?:out\s+)?my\s+(?:ex|exes|ex\s+\w+)\s+(?:out\s+)?(?:of|from)\s+(?:the|this|that|my|our|every)\s+(?:\w+\s+){0,2}(?:photos?|pics?|pictures?|videos?|clips?|shots?|images?|selfies?)(?:\s+and\s+(?:fill|extend|replace|patch|blend|clean|fix)\w*(?:\s+\w+){0,4})?$")),
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
        # Sixth round: footage edited to mislead, without a "fake" word.
        r"re:doctored\s+(?:\w+\s+)?(?:footage|video|clip|recording|bodycam|dashcam)",
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
    ), unless=MEDIA_LITERACY + ("about fake news", "fake news literacy", "fake news studio set*", "fake newsroom set*",
               "how fake news spreads", "how fake news spread*", "fake news spreads", "history of fake news", r"re:(?:detect\w*|spot\w*|debunk\w*|identify\w*|identifying|recogni[sz]\w*|fact check\w*)\s+(?:\w+\s+){0,2}(?:fake news|deep\s*fakes?|misinformation|disinformation|doctored \w+|fake \w+)",
         r"re:(?:fake news|deep\s*fakes?|misinformation|disinformation)\s+(?:is|are|can be|gets?)\s+(?:\w+\s+){0,3}(?:detected|spotted|debunked|identified|recogni[sz]ed|fact checked)")),
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
