"""Rules for hate: symbols and movements, slurs, violence against and dehumanising of groups."""

from __future__ import annotations

from sora_sdk.safety.lexicon.vocabulary import GROUPS
from sora_sdk.safety.policy import Category as C
from sora_sdk.safety.rules import Rule


# ----------------------------------------------------------------------------------------------
# Hate
# ----------------------------------------------------------------------------------------------

HATE = (
    Rule("hate/symbols-and-movements", C.HATE, (
        "heil hitler", "sieg heil", "white power", "white pride", "white supremac*",
        "aryan", "master race", "nazi propaganda", "neo nazi*", "neonazi*", "nazi rally",
        "kkk", "ku klux klan", "klansman", "klansmen", "cross burning", "burning cross", "burn* a cross", "swastika flag*",
        "swastika*", "1488", "14 88", "14 words", "gas the", "race war", "great replacement",
        "holocaust denial", "jewish question", "holocaust never happened", "holocaust was fake", "holocaust hoax",
        "racial slur*", "hate speech", "hate propaganda", "racist caricature*", "racist cartoon*",
        "racist propaganda", "antisemitic*", "anti semitic*", "jewish caricature*", "blackface",
        "homophobic*", "transphobic*", "islamophobic*", "racist*", "bigot*", "dehumaniz*",
        "dehumanis*", "subhuman*", "untermensch*", "ethnostate", "will not replace us",
        "wont replace us", "won t replace us",
    ), unless=("anti racist*", "antiracist*", "anti racism", "antiracism", "against racism",
               "racism awareness", "history of the kkk", "history of the ku klux klan",
               "against white supremac*",
               # Sixteenth round (`test21`): "a museum exhibit on Nazi propaganda, visitors reading critical panels".
               r"re:(?:museum|exhibit\w*|exhibition)\s+(?:\w+\s+){0,3}(?:on|about|of)\s+nazi\s+propaganda")),
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
    ), near=GROUPS, window=3, unless=("hate crime awareness", "penalty shootout*", "penalty shoot out*",
                                      "shootout at", "photo shoot*", "photoshoot*")),
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
