"""Explicit language knowledge for risk: patterns with a category and a level each.

Written from general clinical and crisis-line knowledge (C-SSRS severity steps: wish to be
dead, active thoughts, method, intent, plan, preparatory acts, attempts) and from the way
people actually type (lowercase, no apostrophes, slang and euphemism such as "kms",
"unalive", "sewerslide", "ctb"). The matcher in ``risk.py`` adds the context rules that
keep figurative speech, fiction, essays and recovery stories from triggering.

Patterns run on a length-preserving lower-cased copy of the text, so match offsets are
offsets in the original message. A literal space in a pattern matches any run of
whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .levels import Level

# -- building blocks -----------------------------------------------------------------------
I = r"(?:i|me)"
IM = r"(?:i'?m|i am|ima|i'?ve been|i been|i keep|i'?ll be)"
NT = r"(?:n'?t|not)"
MYSELF = r"(?:my ?self|myslef|meself|mself|myelf)"
SELF_ANY = r"(?:my ?self|myslef|meself|him ?self|her ?self|them ?selves|them ?self)"
POSS_ANY = r"(?:my|his|her|their)"
WANT = (r"(?:want(?:s|ed)?(?: to)?|wanna|wan to|wish(?:es)? (?:i|he|she|they) could|"
        r"feel(?:s|ing)? like|going to|gonna|gunna|'?ll|will|would|'d|might|plan(?:s|ning)? "
        r"(?:to|on)|thinking (?:about|of)|think(?:s)? about|thought about|ready to|about to|"
        r"trying to|try to|tempted to|should(?: just)?|could(?: just)?|need to|have to)")
INTENT = (r"(?:going to|gonna|gunna|'?ll|will|am about to|'m about to|about to|ready to|"
          r"decided to|plan(?:ning)? (?:to|on)|finally)")
PILLS = (r"(?:pills?|tablets?|meds|medication|sleeping pills|painkillers|pain killers|"
         r"paracetamol|acetaminophen|tylenol|advil|ibuprofen|aspirin|xanax|benzos?|"
         r"oxy(?:codone|contin)?|opioids?|insulin|antidepressants|sleeping tablets|"
         r"klonopin|ambien|valium|lithium|seroquel|zoloft|prozac|heroin|fent(?:anyl)?)")
MEANS = (r"(?:pills|tablets|a rope|the rope|rope|a noose|a gun|the gun|my gun|my dad'?s gun|"
         r"a pistol|a rifle|a shotgun|razors?|razor blades?|blades?|a knife|the knife|"
         r"sleeping pills|painkillers|paracetamol|tylenol|insulin|helium|charcoal|"
         r"a belt|poison|bleach|antifreeze|" + PILLS + r")")
RELATION = (r"(?:my (?:\w+ )?(?:friend|bestie|bff|best friend|bf|gf|boyfriend|girlfriend|"
            r"partner|husband|wife|spouse|son|daughter|kid|child|brother|sister|bro|sis|"
            r"mom|mum|mother|dad|father|parent|cousin|roommate|flatmate|housemate|"
            r"classmate|coworker|co-worker|colleague|student|client|patient|neighbou?r|"
            r"uncle|aunt|nephew|niece|grandma|grandpa|grandmother|grandfather|"
            r"teammate|ex)|a (?:friend|classmate|coworker|colleague|student)(?: of mine)?|"
            r"someone i know|somebody i know|(?:he|she|they)(?:'s|'re| is| are)?)")
ABUSER = (r"(?:he|she|they|my (?:\w+ )?(?:husband|wife|boyfriend|girlfriend|bf|gf|partner|"
          r"ex|fianc[ée]e?|dad|father|mom|mum|mother|stepdad|stepfather|step dad|stepmom|"
          r"step mom|stepmother|uncle|aunt|brother|sister|cousin|grandpa|grandfather|"
          r"grandma|parents?|teacher|coach|boss|pastor|priest|babysitter|foster \w+|"
          r"(?:mom|mum|dad)'?s (?:new )?(?:boyfriend|girlfriend|partner|husband|wife)|roommate|carer|"
          r"caregiver|family))")
HARMVERB = (r"(?:starv(?:es|ed|ing)|drag(?:s|ged)|hits?|hitting|beats?|beat(?:ing)?|slap(?:s|ped|ping)?|punch(?:es|ed|ing)?|"
            r"kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|burn(?:s|ed|t)|"
            r"shov(?:es|ed)|push(?:es|ed)|threw (?:things|stuff|a \w+) at|throws (?:things|"
            r"stuff) at|hurts?|hurting|smack(?:s|ed)?|whip(?:s|ped)?|bit|bites|"
            r"pinch(?:es|ed)|kicked|thr[eo]w(?:s)? me)")
VICTIM = (r"(?:him|her|them|someone|somebody|some(?:one|body) at (?:school|work)|people|"
          r"everyone|everybody|my (?:\w+ )?(?:boss|ex|dad|father|mom|mum|mother|brother|sister|"
          r"husband|wife|boyfriend|girlfriend|bf|gf|partner|teacher|coworker|co-worker|"
          r"roommate|neighbou?r|stepdad|stepmom|classmates?|baby|kids?|child|children|son|"
          r"daughter|family|manager|landlord)|the (?:kid|guy|girl|boy|man|woman|teacher|person|"
          r"people|kids|bully|bullies)(?: who| that)?|(?:that|this) (?:guy|girl|man|woman|kid|"
          r"teacher|bitch|bastard|asshole|dude|person))")
NOW = r"(?:tonight|right now|rn|now|today|this (?:evening|afternoon|morning)|in (?:an|a few|\d+) (?:hours?|minutes?|mins?))"
SOON = r"(?:tomorrow|this weekend|this week|on (?:my|his|her) birthday|on friday|on saturday|on sunday|soon|next week)"


@dataclass(frozen=True)
class Rule:
    """One piece of language knowledge.

    ``needs_context``: fires only when the text (or the conversation) already shows risk in
    the same category (a plan, a date or a rope mean little on their own).
    ``figurative``: this phrasing is often hyperbole. "strong": a joke marker or a trivial
    cause in the same sentence switches it off; "weak": it takes a joke marker *and* a
    trivial or reactive cause ("this song makes me want to die lmao"), so "i want to die
    lol" still counts.
    ``negatable``: "I'm not suicidal" / "I would never kill myself" switch it off.
    ``recent``: describes a fresh act; kept even beside recovery words in other clauses.
    """

    id: str
    category: str
    level: Level
    pattern: str
    needs_context: bool = False
    figurative: str = ""  # "strong": a joke OR a trivial cause; "weak": a joke AND a cause
    negatable: bool = True
    third_person: bool = False
    compiled: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(_spaces(self.pattern)))


def _spaces(pattern: str) -> str:
    """A literal space matches any whitespace run (outside character classes)."""
    out, in_class, prev, skip = [], False, "", False
    for i, ch in enumerate(pattern):
        if skip:
            skip = False
            prev = ch
            continue
        if ch == "[" and prev != "\\":
            in_class = True
        elif ch == "]" and prev != "\\":
            in_class = False
        if ch == " " and not in_class:
            if pattern[i + 1:i + 2] == "?":
                out.append(r"\s*")
                skip = True
            else:
                out.append(r"\s+")
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


L, M, H, X = Level.low, Level.moderate, Level.high, Level.imminent
B = r"\b"

RULES: list[Rule] = [
    # ---------------- self-harm: passive wish to be gone (low) -------------------------
    Rule("sh.wish_dead", "self_harm", L,
         B + r"wish(?:ed|ing)? (?:i|that i) (?:was|were|wasn'?t|weren'?t|could be|had never been|"
             r"'?d never been|had not been|'?d not been|was never|were never|never was|"
             r"could just be) (?:dead|alive|born|here|around|gone|never born)\b|"
             r"\bwish(?:ed|ing)? (?:that )?i'?d (?:never|not) (?:been born|existed|woken up)\b"),
    Rule("sh.wish_not_exist", "self_harm", L,
         B + r"(?:want|wanna|wish i could|would love to|just want to|want to just|i'?d rather) "
             r"(?:to )?(?:not exist|stop existing|cease to exist|not be alive|not be here|"
             r"vanish forever|disappear forever|disappear and never come back|"
             r"fall asleep and (?:never|not) wake up|go to sleep and (?:never|not) wake up|"
             r"sleep forever|sleep and never wake up)\b"),
    Rule("sh.disappear", "self_harm", L,
         B + r"(?:want|wanna|wish i could|just want to) (?:to )?(?:just )?disappear\b"
             r"(?! (?:into|to|for a|for the|on (?:a|vacation|holiday)|somewhere|under|off to|from "
             r"(?:social|the internet|twitter|instagram)))",
         figurative="strong"),
    Rule("sh.not_wake", "self_harm", L,
         B + r"(?:hope|hoping|wish|pray|praying) (?:that )?(?:i )?(?:just )?(?:don'?t|do not|never|won'?t) "
             r"(?:ever )?wake up\b"),
    Rule("sh.not_here", "self_harm", L,
         B + r"(?:(?:do|does)" + NT + r"|dont|not|never) (?:want|wanna) (?:to )?be (?:here|around|"
             r"alive) (?:anymore|any more|any longer|no more)\b", negatable=False),
    Rule("sh.not_be_here", "self_harm", L,
         B + r"(?:want|wanna|wish i could|i'?d like to|just want to) (?:to )?(?:just )?not be "
             r"(?:here|around|alive)(?: anymore| any more)?\b"),
    Rule("sh.no_live", "self_harm", M,
         B + r"(?:(?:do|does)" + NT + r"|dont|not|no longer|never|no) (?:really )?(?:want|wanna|wish) "
             r"(?:to )?(?:live|be alive|exist|keep living|go on living)\b", negatable=False),
    Rule("sh.no_wake", "self_harm", L,
         B + r"(?:(?:do|does)" + NT + r"|dont) (?:want|wanna) (?:to )?wake up\b", negatable=False),
    Rule("sh.hope_die", "self_harm", L,
         B + r"(?:hope|hoping|wish|pray|praying) (?:that )?(?:i die|i just die|i'?d die|"
             r"(?:a|the) (?:car|bus|truck|train|plane) (?:hits|would hit|kills?) me|"
             r"something (?:kills|would kill) me|i get hit by|i never wake|"
             r"i don'?t survive|god takes me|i get cancer)"),
    Rule("sh.wouldnt_mind_dying", "self_harm", L,
         B + r"(?:wouldn'?t|would not|wouldnt) (?:mind|care) (?:if (?:i (?:died|was dead|didn'?t wake|"
             r"got hit|never woke|just died)|(?:a|the) (?:car|bus|truck|train) (?:hit|ran over|"
             r"killed) me|something (?:happened to|killed) me)|dying|being dead)", negatable=False),
    Rule("sh.better_off", "self_harm", M,
         B + r"(?:i'?d be better off dead|i'?m better off dead|better off|happier|be fine|be okay|be ok) (?:without me|if i (?:was|were|wasn'?t|"
             r"weren'?t|died|disappeared|was gone|were gone|was dead|were dead|never existed)|"
             r"with me gone|once i'?m gone|when i'?m gone|if i wasnt here|if i weren'?t around)"),
    Rule("sh.better_off_third", "self_harm", M,
         B + r"(?:everyone|everybody|the world|people|we all|they all|(?:his|her|their) "
             r"(?:family|friends|kids)) (?:would|will|'d)? ?(?:be )?better off without (?:him|her|them)"
             r"\b", third_person=True),
    Rule("sh.burden", "self_harm", L,
         B + r"(?:i'?m|i am|im|i feel like|feel like) (?:such |just |only )?(?:a|the) burden\b"
             r"(?! (?:on|of|off|has|is|was|lifted))"),
    Rule("sh.no_point", "self_harm", L,
         B + r"(?:no (?:reason|point) (?:in |to )?(?:living|live|go(?:ing)? on|being alive|"
             r"keep(?:ing)? going|stay(?:ing)? alive|be(?:ing)? here)|nothing (?:left )?to live for|"
             r"what'?s (?:even |really |the )?(?:even |really )?(?:the )?point (?:of|in) (?:even )?(?:living|life|being alive|going on|staying alive|"
             r"anything|any of (?:it|this)|me)|life (?:isn'?t|is not|isnt) worth (?:living|it)|"
             r"(?:tired|sick|exhausted) of (?:living|being alive|existing|life)|"
             r"(?:can'?t|cannot|cant) (?:go on|keep going|keep living) (?:like this|anymore|any more)|"
             r"don'?t see (?:a|any) (?:way out|future|point)|no way out\b|"
             r"giv(?:e|ing) up on (?:life|living|everything)|done with (?:life|living|everything)|"
             r"(?:can'?t|cannot|cant) take (?:it|this|life) (?:anymore|any more))"),
    Rule("sh.sleep_forever", "self_harm", L,
         B + r"(?:(?<!could\s)(?<!could\s\s)sleep forever|eternal sleep|permanent sleep|permanently sleep|rest forever|"
             r"eternal rest|forever rest|(?:made|making|at) peace with (?:the idea of )?(?:not being "
             r"here|dying|death|ending it|leaving (?:this world|for good)|it all ending)|"
             r"soon (?:none of (?:this|it)|nothing) will matter|"
             r"never (?:wake|waking) up again)\b"),
    Rule("sh.soon_gone", "self_harm", M,
         B + r"(?:i )?(?:won'?t|will not|wont) be (?:here|around|alive) (?:much longer|for long|"
             r"tomorrow|next (?:week|month|year)|to see)"),
    # ---------------- self-harm: active thoughts (moderate) ----------------------------
    Rule("sh.kill_self", "self_harm", M,
         B + r"(?:kill|killing|killin'?|killed|kil|k!ll|k1ll|end|ending|endin'?|hang|hanging|drown|drowning|"
             r"shoot|shooting|poison|poisoning|starve|starving|suffocate|neck) " + SELF_ANY +
             r"\b(?! (?:if|when) (?:i|he|she|they) (?:have|has|hear|see|lose|sit|listen|watch|go))"
             r"(?! (?:laughing|with laughter|over (?:this|it)|to (?:get|finish|make|keep)|at work|in "
             r"(?:booze|alcohol|work|drink|wine|coffee|books|tv|games|sorrows?|studying|my work)|"
             r"at the gym|for (?:this|work|them)))",
         figurative="weak"),
    Rule("sh.off_self", "self_harm", M,
         B + r"(?:to|gonna|wanna|going to|should|might|will|'ll|just|could) (?:just )?off " + MYSELF
         + r"\b"),
    Rule("sh.kill_self_if", "self_harm", M,
         B + r"(?:kill|off) " + MYSELF + r" (?:if|when) (?:i|he|she|they) (?:have|has|hear|see|lose|"
             r"sit|listen|watch|go)", figurative="strong"),
    Rule("sh.kms", "self_harm", M, r"(?<![\w/])(?:kms|kmsl|k m s|kill ms)(?![\w/])"),
    Rule("sh.unalive", "self_harm", M,
         B + r"(?:un-?aliv(?:e|ed|ing)|unalive (?:my ?self|me)|self[- ]?delet(?:e|ed|ing|ion)|"
             r"sewer ?slide|sewerslid(?:e|ing)|s\*{1,2}icide|su\*{1,2}cide|sui\*{1,2}ide|suic\*de|"
             r"s\*\*\*\*de|su1c1de|suic1de|"
             r"yeet (?:my ?self|meself) (?:off|out|into)|catch(?:ing)? the bus\b|\bctb\b|"
             r"an hero|rope (?:my ?self|tonight)|gonna rope|going to rope|wanna rope|"
             r"want to rope|neck my ?self|final exit)"),
    Rule("sh.suicidal", "self_harm", M,
         B + r"(?:suicidal|suicidality|suicidal (?:thoughts|ideation|feelings|urges))\b"),
    Rule("sh.suicide_thoughts", "self_harm", M,
         B + r"(?:thoughts? (?:of|about) (?:suicide|killing " + SELF_ANY + r"|ending (?:it|my life|"
             r"things)|dying|death|not being here)|(?:thinking|thought|think|considering|contemplating|"
             r"obsessing|thinks|thinkin|talking|talks|talked|posting|posts|posted|joking|jokes|writing|"
             r"fantasi[sz]ing|wanting|stuff|messages|tweets|tweeting|"
             r"dreaming) (?:about|of|bout|abt)? ?(?:suicide|killing " + SELF_ANY + r"|(?:just |simply )?ending (?:it all|my life|"
             r"things|it|(?:his|her|their) life)|taking my (?:own )?life)|(?:commit|committing|commited|committed) suicide|"
             r"(?:want|wanna|going) to (?:commit )?suicide)"),
    Rule("sh.end_life", "self_harm", M,
         B + r"(?:finish(?:ing)? (?:my|his|her|their) (?:own )?life|finish(?:ing)? " + MYSELF + r"|"
             r"end(?:ing)? (?:my|his|her|their|it) (?:own )?life|take (?:my|his|her|their) "
             r"(?:own )?life|taking (?:my|his|her|their) (?:own )?life|end(?:ing)? it all|"
             r"end(?:ing)? everything|end(?:ing)? my existence|end(?:ing)? things for good)\b"),
    Rule("sh.end_it", "self_harm", L,
         B + r"(?:just|finally|want to|wanna|going to|gonna|ready to|should|might) (?:just )?"
             r"end it\b(?! (?:with|between|off|early|there|here|now with))"),
    Rule("sh.want_die", "self_harm", M,
         B + r"(?:(?:want|wants|wanted|wanting|wanna|wish i could|wish he could|wish she could|ready to|"
             r"deserve to|i should|i just want to|i want to just|i'd rather|id rather|i would rather) "
             r"(?:to )?(?:just )?(?:die|d[!1]e|be dead|not wake up)|i want death|"
             r"i wish i (?:would|could) (?:just )?die|let me die|want it (?:all )?to (?:end|stop) "
             r"(?:forever|for good|permanently))"
             r"(?! (?:of|from) (?:embarrassment|shame|cringe|laughter|laughing|boredom|"
             r"happiness|cuteness)| on (?:this|that|the) hill| for (?:this|that|him|her|you|them))",
         figurative="weak"),
    Rule("sh.hurt_self", "self_harm", M,
         B + r"(?:hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?|burn(?:ing)?|scratch(?:ing)?|"
             r"punch(?:ing)?|hit(?:ting)?|bang(?:ing)? my head|starv(?:e|ing)|carv(?:e|ing)) "
             r"" + SELF_ANY + r"(?! (?:shaving|while|on (?:a|the|some)|accidentally|by accident|"
             r"cooking|chopping|in the kitchen|at work|slicing|opening|playing|skating|climbing|"
             r"falling|out\b|with (?:a|the) (?:can|paper|tin|knife while)))"),
    Rule("sh.use_on_self", "self_harm", M,
         B + r"(?:use|using|turn|turning|point|pointing) (?:it|them|that|this|the \w+|a \w+|my \w+) "
             r"(?:on|at|against) " + MYSELF + r"\b"),
    Rule("sh.self_harm", "self_harm", M,
         B + r"(?:self[- ]?harm(?:ing|ed)?|self[- ]?injur(?:y|ing|ed)|self[- ]?mutilat\w*|"
             r"\bsh urges?|urges? to (?:sh|self[- ]?harm|cut|hurt " + SELF_ANY + r"|burn)|"
             r"(?:want|wanna|urge) to (?:cut|sh)\b|(?:cutting|cut) (?:my|his|her) "
             r"(?:wrists?|arms?|thighs?|legs?|skin|stomach|hips?)|slit(?:ting)? (?:my|his|her) "
             r"(?:wrists?|throat))"),
    Rule("sh.sh_slang", "self_harm", M,
         r"(?<![\w/])(?:did sh|do sh|doing sh|sh again|sh'?d|sh clean|relapsed? (?:on|into)? ?sh|"
         r"my sh|s/h)(?![\w/])"),
    # ---------------- self-harm: acts, plans, means, rehearsal (high) ------------------
    Rule("sh.cut_recent", "self_harm", H,
         B + r"(?:i (?:just )?(?:cut|burned|burnt|hurt) " + MYSELF + r" (?:again|last night|"
             r"today|yesterday|this morning|tonight|earlier|so bad|deep)|(?:i'?ve|i have|been) "
             r"(?:been )?(?:cutting(?! (?:back|down|out|off|class|classes|school|carbs|sugar|ties|corners|costs|my hair|hair|paper|wood|grass|the|it|them|people|him|her|coupons|onions|veg\w*|fabric|expenses|my budget|budget|lines|cake|meat))|self[- ]?harming|burning " + MYSELF + r")|started (?:cutting|"
             r"self[- ]?harming) again|relapsed|relapse(?:d)? (?:with|on|into) (?:cutting|self[- ]?"
             r"harm|sh)|cut (?:too |really |so |very )?deep|the cuts? (?:is|are|won'?t|keep))"),
    Rule("sh.plan", "self_harm", H,
         B + r"(?:(?:a|the|my) plan (?:to|for) (?:kill|end|die|suicide|do it|how)|"
             r"(?:planned|planning|figured|worked) (?:it )?out (?:how|when|where)|"
             r"know (?:exactly )?(?:how|when|where) (?:i'?d|i would|i'?ll|i will|i'?m going to|"
             r"to) do it|picked (?:a|the|out a|out the) (?:method|bridge)|picked (?:a|the|out a|out the) (?:date|day|spot|place|time)\b(?! (?:for|to|of|at|in|with|on)\b)|"
             r"wrote (?:down )?(?:my )?plan)"),
    Rule("sh.plan_ctx", "self_harm", H,
         B + r"(?:(?:i have|i'?ve got|i got|made|making|i'?ve made|have made|came up with) (?:a|the|my) "
             r"plan\b|(?:have|got) it (?:all )?planned|i'?ve decided(?! to (?:stop|quit|come off|go off|"
             r"cut down|taper|reduce|skip) (?:taking )?(?:my |the |all my )?(?:meds\b|medication|"
             r"medicine|antidepressants?|pills|tablets|ssris?)(?:\s*(?:[,.;!?]|$)|\s+(?:because|as|since|"
             r"for|but|i|they|it)\b))|i made my decision|made up my mind|"
             r"i know how i'?ll do it|it'?s decided|(?:i'?ve |i have )?picked (?:a|the|out a|out the) "
             r"(?:date|day|spot|place|time)\b|i'?m ready now|i'?m at peace with (?:it|my "
             r"decision)|researching (?:methods|how|ways)|looked up (?:how|ways|methods)|"
             r"googl(?:ed|ing) (?:how|ways)|how many (?:pills|" + PILLS + r") (?:would|does|it) take|"
             r"lethal dose|painless (?:way|method)s?)", needs_context=True),
    Rule("sh.method_query", "self_harm", H,
         B + r"(?:how many " + PILLS + r" (?:would|does it|will|to) (?:kill|take to die|be lethal|"
             r"be fatal|od)|(?:most )?painless (?:way|method)s? to (?:die|kill|go)|"
             r"lethal dose of|how (?:to|do (?:i|you)) (?:kill " + SELF_ANY + r"|tie a noose|"
             r"overdose|od\b)|how high (?:do|does) (?:a|the) (?:bridge|building|fall) (?:need|have) "
             r"to be)"),
    Rule("sh.means", "self_harm", H,
         B + r"(?:(?:bought|buy|got|getting|have|collected|collecting|hoard(?:ed|ing)|stockpil(?:ed|"
             r"ing)|sav(?:ed|ing) up|been saving|stashed|stashing|hiding|hid|ordered|keep) "
             r"(?:up )?(?:a |the |some |enough |all (?:of )?(?:my |the )?|my )?"
             r"(?:pills|" + PILLS + r"|rope|noose|gun|pistol|rifle|shotgun|razors?|razor blades|"
             r"blades?|helium|charcoal|poison|bleach)(?: (?:for|to|in case|just in case))?)",
         needs_context=True),
    Rule("sh.means_strong", "self_harm", H,
         B + r"(?:(?:stockpil|hoard)(?:ed|ing) (?:my |up )?(?:pills|" + PILLS + r"|meds)|"
             r"(?:saving|saved|collecting|collected) (?:up )?(?:my )?(?:pills|" + PILLS + r") "
             r"(?:for|to|in case|until|so)|"
             r"(?:tied|tying|made|making|bought|have|got) (?:a|the|my) noose|the noose is|"
             r"stash of (?:razor blades|razors|blades|pills|tablets|" + PILLS + r")|(?:have|got|gathered) "
             r"everything (?:i need )?(?:to end it|to do it|to kill " + MYSELF + r"|ready)|so (?:that )?i'?d "
             r"have enough|(?:have|get|got|collect) enough (?:pills|tablets|" + PILLS + r") (?:to|for)|"
             r"(?:rope|noose|belt) (?:around|round) my neck|tested (?:the|a) (?:rope|noose|knot)|"
             r"(?:wrote|written|writing|finished|left) (?:a |my )?(?:suicide|goodbye) (?:note|letter)s?|"
             r"(?:wrote|writing|written) goodbye letters? to (?:my|everyone)|"
             r"giv(?:en|ing|e) away (?:all )?my (?:stuff|things|belongings|possessions|"
             r"cat|dog|pets?)|giv(?:en|ing|e) (?:all )?my (?:stuff|things|belongings|possessions) away|(?:take|taking) care of my (?:cat|dog|pets?|kids) (?:for me |when i'?m "
             r"gone|after i'?m gone)|(?:updated|made|wrote|written) (?:a |my )?(?:will|final arrangements)|(?:plastic )?bag over my "
             r"head|(?:saving|saved|hoarding|stockpiling|stashing|collecting) (?:up )?(?:my )?(?:insulin|"
             r"sleeping pills|painkillers|meds|tablets|pills)\b|(?:already )?(?:have|got) (?:the|my|all "
             r"the|all my) (?:pills|tablets|meds) (?:lined up|counted out|laid out|ready|in front of me|"
             r"next to me))"),
    Rule("sh.rehearsal", "self_harm", H,
         B + r"(?:(?:held|holding|put|pressed) (?:a|the|my) (?:knife|blade|"
             r"razor|gun|pistol) (?:to|against) my (?:wrist|throat|head|chest|neck)|"
             r"practic(?:ed|ing|e) (?:tying|with the|hanging|how)|"
             r"dry run|almost did it|nearly did it|came (?:so )?close to (?:doing it|ending it|"
             r"killing " + MYSELF + r"|jumping))"),
    Rule("sh.rehearsal_place", "self_harm", H,
         B + r"(?:stood|standing|was standing|sat|sitting|went up|climbed|walked) (?:on|at|to|up|"
             r"onto|on top of|out on) (?:the|a|an) (?:edge|ledge|bridge|bridge railing|railing|roof|"
             r"rooftop|tracks|train tracks|overpass|cliff|balcony)", needs_context=True),
    Rule("sh.place_and_jump", "self_harm", H,
         B + r"(?:bridge|ledge|roof|rooftop|edge|railing|tracks|overpass|cliff|balcony|platform)"
             r"[^.!?\n]{0,60}\b(?:thinking (?:about|of)|thought about|wanted to|want to|wanna|almost|"
             r"nearly|about to|ready to|going to|gonna) (?:jump|jumping|let go|letting go|step off|"
             r"stepping off|fall|falling)\b|\b(?:jump|jumping|let go|letting go|step off)[^.!?\n]{0,40}"
             r"\b(?:from|off) (?:the|this|that) (?:bridge|ledge|roof|rooftop|edge|railing|overpass|"
             r"cliff|balcony)"),
    Rule("sh.attempt", "self_harm", H,
         B + r"(?:(?:tried|try|trying|attempted|attempt) (?:to )?(?:kill " + SELF_ANY + r"|end (?:my|"
             r"his|her|their) (?:own )?life|end it(?: all)?|commit suicide|take (?:my|his|her|"
             r"their) (?:own )?life|die|overdose|hang " + SELF_ANY + r"|od\b|unalive)|"
             r"(?:my|his|her|a|last|recent) (?:suicide )?attempt\b|attempted suicide|suicide attempt|"
             r"(?:i|he|she|they) (?:overdosed|od'?d|o\.d\.'?d))"),
    Rule("sh.intent", "self_harm", H,
         B + r"(?:i'?m |i am |im |i )?" + INTENT + r" (?:to )?(?:kill " + MYSELF + r"|end my "
             r"(?:own )?life|end it all|commit suicide|take my (?:own )?life|unalive " + MYSELF +
             r"|do it|end it|go through with it|jump)\b(?! (?:if|when) i (?:have|hear|see|sit|"
             r"listen|watch|go))", needs_context=True),
    Rule("sh.intent_strong", "self_harm", H,
         B + r"(?:i'?m |i am |im |i )?(?:going to|gonna|gunna|'?ll|will|am about to|decided to|"
             r"ready to|plan(?:ning)? to) (?:finally )?(?:kill " + MYSELF + r"|end my (?:own )?life|"
             r"end it all|commit suicide|take my (?:own )?life|unalive " + MYSELF + r"|kms)\b"
             r"(?! (?:if|when) i (?:have|hear|see|sit|listen|watch|go))", figurative="weak"),
    Rule("sh.goodbye", "self_harm", H,
         B + r"(?:this is (?:my|a|the) (?:last|final) (?:goodbye|message|post|text|night)|"
             r"this is (?:my )?goodbye|goodbye (?:cruel world|forever)|"
             r"by the time (?:you|anyone|someone) (?:reads?|sees?|finds?) this|"
             r"(?:when|once) (?:you|they) find (?:me|this)|won'?t (?:have to )?(?:see|hear from) me "
             r"(?:again|anymore)|(?:final|last) (?:goodbye|words)|"
             r"i'?m sorry for everything,? (?:i love you|goodbye|bye)|"
             r"tell (?:my|them) (?:mom|mum|dad|family|parents|kids|sister|brother)? ?(?:i'?m sorry|"
             r"i love them)|please don'?t blame yourselves?|it'?s not your fault,? (?:i|it was))"),
    Rule("sh.goodbye_ctx", "self_harm", H,
         B + r"(?:goodbye|good bye|bye) (?:everyone|world|all|guys|everybody|y'?all)|"
             r"thank you for everything|i love you all|take care of (?:yourselves|everyone|mom|mum)|"
             r"(?:this |it )?(?:isn'?t|is not|wasn'?t|was not|'s not) (?:your|anyone'?s) fault",
         needs_context=True),
    Rule("sh.method_named", "self_harm", H,
         B + r"(?:jump(?:ing)? (?:off|from|in front of) (?:a|the|my) (?:bridge|building|roof|"
             r"train|bus|truck|car|cliff|balcony|overpass|parking garage)|step(?:ping)? in front "
             r"of (?:a|the) (?:train|bus|truck|car)|drive (?:my car )?(?:off|into) (?:a|the) "
             r"(?:bridge|cliff|tree|wall|river)|(?:hang|hanging) " + MYSELF + r"|"
             r"(?:od|overdose|overdosing) on " + PILLS + r"|swallow (?:all|the whole) )",
         needs_context=True),
    # ---------------- self-harm: imminent ------------------------------------------------
    Rule("sh.overdose_taken", "self_harm", X,
         B + r"(?:(?:i|i'?ve|i have|ive|just|already|he|she|they|he'?s|she'?s) )?(?:just |already )?(?:took|taken|"
             r"swallowed|downed|ate|popped|had) (?:a (?:whole |full )?(?:bottle|packet|pack|box|"
             r"handful|bunch|lot|ton) of (?:my |the |her |his )?(?:\w+'?s )?|all (?:of )?(?:my |the |her |his )?|(?:like |about |around |maybe "
             r"|over |at least |nearly |almost )?(?:[3-9]|[1-9]\d+) |"
             r"(?:like )?(?:twenty|thirty|forty|fifty|a hundred) |too many |way too many |"
             r"everything in (?:the|my) )(?:my |the |of (?:my|the) )?(?:" + PILLS + r"|sleeping "
             r"pills|pills)|(?:took|swallowed|taken|downed) (?:everything|all the (?:pills|meds)) "
             r"(?:in|from) (?:my|the) (?:medicine|bathroom|pill) (?:cabinet|cupboard|drawer|box)"),
    Rule("sh.in_progress", "self_harm", X,
         B + r"(?:(?:gun|pistol|rifle|knife|blade|razor|rope|noose|pills) (?:is |are )?(?:in my "
             r"(?:hand|mouth|lap)|to my (?:head|throat|wrist)|against my (?:head|throat))|"
             r"(?:holding|got|have) (?:a|the|my) (?:gun|pistol|knife|blade|razor) (?:right now|"
             r"now|in my hand|to my)|rope (?:is )?(?:tied|ready|around my neck)|"
             r"(?:i'?m|i am|im) (?:standing |sitting )?(?:on|at) (?:the|a) (?:edge|ledge|bridge|"
             r"roof|tracks|railing|railing of (?:the|a) bridge)(?: right)? (?:now|rn)|bleeding (?:a lot|so much|heavily|badly|out)|"
             r"(?:can'?t|won'?t|cant) stop (?:the )?bleeding|it'?s happening now|doing it now|"
             r"this is it\b|(?:already )?started (?:doing it|taking (?:them|the pills)))"),
    Rule("sh.timing", "self_harm", X,
         B + r"(?:(?:do|doing|end|ending|go through with) it|it(?:'s| is| will be| happens)|"
             r"kill " + MYSELF + r"|end my life|goodbye|the night|the day|kms|die|jump|od|"
             r"" + INTENT + r" [\w ]{0,25}?)"
             r" ?" + NOW + r"\b|" + NOW + r" (?:is|will be) the (?:night|day)\b|(?:tonight|today)"
             r"'?s the (?:night|day)\b", needs_context=True),
    Rule("sh.timing_soon", "self_harm", H,
         B + r"(?:(?:do|doing|end|ending|go through with) it|it(?:'s| is| will be| happens)|"
             r"" + INTENT + r" [\w ]{0,25}?) ?" + SOON + r"\b", needs_context=True),
    # ---------------- harm to others -----------------------------------------------------
    Rule("ho.want_kill", "harm_to_others", M,
         B + r"(?:want|wanna|going|gonna|gunna|'?ll|will|plan(?:ning)?|thinking (?:about|of)|"
             r"think about|fantasi[sz](?:e|ing) about|dream about|ready|about|swear i'?(?:ll|m going "
             r"to)|tempted|urge) (?:to )?(?:really )?(?:kill(?:ing)?|murder(?:ing)?|stab(?:bing)?|"
             r"shoot(?:ing)?|strangl(?:e|ing)|poison(?:ing)?|hurt(?:ing)?|beat(?:ing)? up|"
             r"bash(?:ing)? (?:in )?|smash(?:ing)?|attack(?:ing)?|slit|beat the (?:crap|shit|hell|living "
             r"daylights) out of) " + VICTIM +
             r"(?:'s (?:head|face|throat))?\b", figurative="strong"),
    Rule("ho.make_pay", "harm_to_others", L,
         B + r"(?:make|making) (?:him|her|them|that \w+|those \w+) (?:pay|suffer|regret it)\b",
         figurative="strong"),
    Rule("ho.could_kill", "harm_to_others", L,
         B + r"(?:could|might|'?d|would|i'?m going to) (?:literally |actually |honestly )?"
             r"(?:kill|murder|strangle|stab|shoot|hurt) " + VICTIM + r"\b", figurative="strong"),
    Rule("ho.mass", "harm_to_others", H,
         B + r"(?:shoot(?:ing)? up (?:the|my|a|our) (?:school|class|office|work|church|mall|"
             r"party|place)|(?:bring|bringing|take|taking|carry|carrying) (?:a|my|the|dad'?s|my dad'?s) "
             r"(?:gun|knife|weapon|blade|machete) (?:to|into) (?:school|work|class|the office)|"
             r"(?:kill|shoot|hurt|stab) (?:them all|every(?:one|body) (?:at|in|there)|"
             r"as many (?:people )?as)|make (?:them|everyone|those \w+) pay|bring (?:a|my|the|dad'?s) "
             r"gun to (?:school|work|class)|(?:plant|build|make)(?:ing)? a bomb|"
             r"(?:hit|list) (?:list|of people)|kill (?:list))"),
    Rule("ho.means", "harm_to_others", H,
         B + r"(?:(?:bought|got|have|loaded|sharpened|hid|bringing|bring|take|taking) (?:a |the |my |"
             r"his |her |my dad'?s |my father'?s |my brother'?s )?(?:gun|pistol|rifle|knife|ammo|bullets|poison|bat|machete)|"
             r"(?:know|found out) where (?:he|she|they) (?:lives?|works?)|"
             r"(?:waiting|wait) (?:for (?:him|her|them)|outside (?:his|her|their))|follow(?:ed|ing) "
             r"(?:him|her|them) home)", needs_context=True),
    Rule("ho.scared_hurt_child", "harm_to_others", M,
         B + r"(?:(?:scared|afraid|worried|terrified) (?:that )?i(?:'?ll| will| might| could| am "
             r"going to|'m going to) (?:hurt|harm|shake|drown|smother|hit|kill) (?:my |the )?(?:baby|"
             r"kids?|child|children|son|daughter|newborn|him|her|someone)|(?:thoughts|urges?) "
             r"(?:of|about|to) (?:hurting|harming|shaking|drowning|smothering|hitting|killing|hurt|harm|"
             r"shake|drown|smother|hit|kill|beat|punch|strangle) "
             r"(?:my |the )?(?:baby|kids?|child|children|son|daughter|newborn|someone|people|"
             r"him|her))"),
    Rule("ho.third", "harm_to_others", H,
         B + r"(?:(?:he|she|they)(?:'s| is| are|'re)? (?:says?|said|keeps saying|talks? about|"
             r"talking about|threaten(?:ed|ing|s)?|planning|going|gonna|wants?) (?:to )?(?:that )?"
             r"(?:(?:he|she|they)(?:'s|'ll| will| is| are| wants? to| is going to| was going to|"
             r"'d| would)? )?(?:shoot up|kill (?:everyone|everybody|people|them|him|her|someone|us|"
             r"(?:his|her|their) (?:\w+ )?(?:mom|mum|dad|family|wife|husband|girlfriend|boyfriend|"
             r"teacher|boss|ex))\b|bring a gun|bomb|stab (?:someone|people|him|her)\b)|"
             r"(?:shoot up|shooting up) (?:the|our) (?:school|office|work))"),
    # ---------------- abuse (being harmed) -----------------------------------------------
    Rule("ab.hits", "abuse", M,
         B + ABUSER + r" (?:still |always |keeps |sometimes |often |constantly |has been |used to |"
             r"started |just |gets drunk and |drinks and |screams at me and |yells at me and |gets "
             r"angry and |(?:\w+ ){0,3}and )?" + HARMVERB + r" (?:me|us|my (?:mom|mum|"
             r"mother|dad|father|little brother|little sister|baby brother|baby sister|brother|"
             r"sister|siblings|kids?|son|daughter|children|grandma|grandmother|wife|husband))\b"
             r"(?! up\b| out\b| off\b| (?:so much|so bad\b|more\b|a lot|emotionally|deeply|feelings|by "
             r"(?:saying|leaving|lying|cheating|ignoring))| with (?:a |his |her )?(?:pillow|joke|dad joke|facts|questions|texts?|"
             r"messages|the truth|compliments|a snowball)| (?:hard|harder|too hard|to (?:do|be|work|try|"
             r"improve|succeed|study)|in training|at practice|in the pool))", figurative="strong"),
    Rule("ab.passive", "abuse", M,
         B + r"(?:i (?:was|got|get|am|'m|'ve been|have been)|i'?m being|i keep getting|been) "
             r"(?:\w+ )?(?:beaten|hit|slapped|punched|kicked|choked|strangled|abused|molested|"
             r"raped|assaulted|sexually (?:abused|assaulted)|groped|trafficked|hurt) "
             r"(?:by|at home|again|every|when|last|since|as a)"),
    Rule("ab.sexual", "abuse", H,
         B + r"(?:(?:raped|molested|sexually (?:abused|assaulted)|assaulted|groped|drugged) me|"
             r"(?:rap(?:es|ing)|molest(?:s|ing)|sexually abus(?:es|ing)) me\b|held me down and|"
             r"forced (?:himself|herself|themselves) on me|"
             r"(?:keeps |kept )?grop(?:es|ing) me|(?:being|been|was|am|'m) (?:sex )?trafficked|"
             r"trafficking me|"
             r"i was (?:raped|molested|sexually (?:abused|assaulted)|drugged and)|"
             r"(?:touch(?:es|ed|ing)?|feels? me up) (?:me )?(?:down there|where|in places|"
             r"inappropriately|under my|my (?:private|chest|breasts|body))|"
             r"(?:makes?|made|forces?|forced|pressur(?:es|ed)) me (?:to )?(?:have sex|do (?:sexual|"
             r"stuff|things|it)|touch (?:him|her|his|it)|watch porn|send (?:him |her |them )?(?:nudes|"
             r"pics|photos|pictures|videos)|"
             r"take my clothes off|undress)|(?:comes|came|sneaks) into my (?:room|bed) (?:at night|"
             r"when)|won'?t stop touching me|(?:he|she) (?:raped|molested) (?:me|my)|"
             r"non[- ]?consensual|without my consent)"),
    Rule("ab.touch_family", "abuse", H,
         B + r"(?:my|the|our) (?:\w+ )?(?:step ?dad|step ?father|dad|father|uncle|grandpa|grandfather|cousin|brother|"
             r"step ?brother|teacher|coach|tutor|babysitter|pastor|priest|mom'?s boyfriend|"
             r"mum'?s boyfriend|neighbou?r|step ?mom|mom|mum|aunt) (?:still |always |keeps |"
             r"sometimes |(?:at|from|in) (?:\w+ ){1,2})?(?:touch(?:es|ed|ing)?|keeps touching|fondl(?:es|ed)|"
             r"feels me up) me\b"),
    Rule("ab.secret", "abuse", H,
         B + r"(?:(?:says|said|tells me|told me|makes me promise) (?:that )?(?:i can'?t|not to|to "
             r"never|never to|i shouldn'?t|i mustn'?t) tell (?:anyone|anybody|my (?:mom|mum|dad|"
             r"parents|teacher))|(?:our|a) (?:little |special )?secret\b)", needs_context=True),
    Rule("ab.threat", "abuse", H,
         B + r"(?:(?:said|says|threaten(?:ed|s|ing)?|swore|told me|screaming|screamed|yelling|yelled|"
             r"shouting|shouted|texted|texting|keeps saying) (?:that )?(?:he|she|they)?(?:'?d|"
             r"'?ll| will| would| is going to| was going to|'s going to| to)? ?(?:kill|hurt|beat|"
             r"find) (?:me|us|my (?:kids|children|mom|dog|cat|family))|if i (?:leave|tell|call "
             r"the police|tell anyone),? (?:he|she|they)(?:'?ll| will| would|'?d) (?:kill|hurt|"
             r"find|take)|(?:choked|strangled|chokes|strangles) me|(?:pulled|held|pointed) (?:a|"
             r"his|her|the) (?:gun|knife) (?:on|at|to) (?:me|my))", figurative="weak"),
    Rule("ab.fear", "abuse", M,
         B + r"(?:(?:scared|afraid|terrified|frightened) (?:to go home|of going home|"
             r"of (?:my )?(?:husband|wife|boyfriend|girlfriend|partner|dad|father|stepdad|mom|"
             r"mum|mother|stepmom|parents|ex|uncle)|(?:he|she|they)(?:'?ll| will| might| is going "
             r"to) (?:hurt|kill|hit|beat) me|for my (?:life|safety))|"
             r"not safe (?:at home|in my (?:house|home))|don'?t feel safe (?:at home|in my (?:own )?"
             r"(?:house|home))|(?:hiding|hid) from (?:him|her|my (?:dad|husband|boyfriend|"
             r"partner|mom|stepdad|ex)))"),
    Rule("ab.control", "abuse", L,
         B + r"(?:won'?t let me (?:leave|see my (?:friends|family)|have (?:my own )?money|go out|"
             r"eat|sleep|have a phone|use my phone)|locks? me (?:in|out)|locked me (?:in|out)|"
             r"takes? my (?:phone|money|passport|keys)|took my (?:phone|passport|keys)|"
             r"controls? (?:all )?(?:my|the) money|tracks my (?:phone|location)|"
             r"isolat(?:es|ed|ing) me from)"),
    Rule("ab.child", "abuse", H,
         B + r"(?:i'?m|i am|im) (?:only )?(?:[5-9]|1[0-7])(?: years old| yo| y/o|yo)?\b[^.!?\n]{0,80}"
             r"\b(?:hits|beats|hurts|touches|chokes|slaps|kicks|punches|abuses|molests|burns) me\b|"
             r"\b(?:hits|beats|hurts|touches|chokes|slaps|kicks|punches|abuses|burns) me\b"
             r"[^.!?\n]{0,80}\b(?:i'?m|i am|im) (?:only )?(?:[5-9]|1[0-7])(?: years old| yo| y/o)?\b"),
    Rule("ab.child_third", "abuse", M,
         B + r"(?:(?:my|our|the) (?:neighbou?r'?s?|friend'?s|cousin'?s|student'?s?|sister'?s|"
             r"brother'?s)? ?(?:kid|kids|child|children|little (?:brother|sister)|baby|student|"
             r"nephew|niece|daughter|son)|a (?:kid|child|student) (?:in my class|i know|at school))"
             r"[^.!?\n]{0,60}\b(?:(?:is being|gets|got|was|were|are being|keeps getting) (?:beaten|"
             r"abused|hit|molested|slapped|kicked|punched|burned)|(?:beaten|abused|molested|"
             r"starved|neglected|locked in|burned|bruises?|covered in bruises|(?:has|had) (?:bruises|"
             r"marks|burns)))"),
    Rule("ab.imminent", "abuse", X,
         B + r"(?:(?:he|she|they)(?:'s| is| are|'re) (?:outside|at the door|banging on the door|"
             r"breaking in|trying to break in|coming (?:home|back|for me|over)|on (?:his|her|their) "
             r"way)|(?:he|she|they)(?:'s| is| has| have) (?:got )?(?:a|the) (?:gun|knife)|"
             r"(?:hiding|locked (?:myself )?in) (?:in )?(?:the|my) (?:bathroom|closet|room|car)|"
             r"going to kill me tonight|(?:he|she)(?:'s| is) (?:hitting|choking|hurting) me right now)",
         needs_context=True),
    # ---------------- medical emergencies ------------------------------------------------
    Rule("md.chest", "medical", X,
         B + r"(?:chest (?:pain|pains|is (?:hurting|crushing)|hurts|feels (?:heavy|"
             r"like it'?s being crushed)|pressure)|chest feels like (?:an elephant|something heavy|"
             r"someone|a weight|a brick) (?:is )?(?:sitting|standing|pressing|squeezing|on)|"
             r"elephant (?:is )?(?:sitting )?on (?:my|his|her) chest|pain in my (?:chest|left arm)|crushing (?:pain|feeling) "
             r"in|my left arm (?:is )?(?:numb|hurts|tingling))"
             r"(?! (?:you|me|myself|him|her|them|us|people|others|yourself)\b)", figurative="strong"),
    Rule("md.chest_tight", "medical", M,
         B + r"(?:chest (?:is |feels )?(?:so |really |very )?tight|tightness in my chest|chest tightness)",
         figurative="strong"),
    Rule("md.breathe", "medical", X,
         B + r"(?:(?:can'?t|cannot|can not|cant|couldn'?t|struggling to|hard to|trouble) (?:catch my )?"
             r"breath(?:e|ing)?|(?:isn'?t|is not|not|stopped|stop) breathing|short(?:ness)? of breath|"
             r"gasping for (?:air|breath)|throat (?:is )?(?:closing|swelling|tight)|lips (?:are )?"
             r"(?:turning )?(?:blue|purple)|turning blue|choking on)", figurative="strong"),
    Rule("md.unconscious", "medical", X,
         B + r"(?:(?:unconscious|unresponsive|won'?t wake up|not waking up|can'?t wake (?:him|her|"
             r"them|my \w+)(?: up)?\b|passed out and (?:won'?t|can'?t|isn'?t)|seizing|"
             r"having a seizure|(?:had|having) a fit)|(?:he|she|they|i|my \w+|someone|somebody)"
             r"(?:'s| is| has| have| just| suddenly)* (?:just )?(?:collapsed|isn'?t responding|is not "
             r"responding|not responding|stopped responding)|\band (?:is |has |now )?(?:isn'?t|is not|not|"
             r"no longer|stopped) (?:responding|moving)|\band (?:then |just )?collapsed)"),
    Rule("md.heart_stroke", "medical", X,
         B + r"(?:(?:i'?m|i am|im|he'?s|she'?s|he is|she is|they'?re|i think i'?m|think (?:i'?m|"
             r"he'?s|she'?s)|might be) having (?:a )?(?:heart attack|stroke|seizure|allergic "
             r"reaction|anaphyla\w+)|face (?:is )?(?:drooping|droopy|numb)|slurred speech|"
             r"(?:can'?t|cannot) (?:feel|move) (?:one side|my (?:left|right) (?:side|arm|leg))|"
             r"(?:speech|words) (?:is |are )?(?:slurring|slurred|coming out wrong)|slurring (?:his|her|my|"
             r"their) words|can'?t (?:lift|raise|move) (?:his|her|my|their|one) arm)",
         figurative="strong"),
    Rule("md.overdose", "medical", X,
         B + r"(?:(?:i|he|she|they|my \w+)(?:'ve| have| has)? (?:just )?(?:overdosed|od'?d|o\.d\.'?d)|"
             r"took too (?:many|much)|(?:overdos(?:e|ing)|od'?ing) (?:on|right now)|"
             r"mixed (?:" + PILLS + r"|pills|drugs) (?:with|and) (?:alcohol|booze|drinking|vodka|"
             r"wine|beer)|drank (?:bleach|antifreeze|poison|drain cleaner)|"
             r"(?:swallowed|drank|drunk|ate) (?:some |a bit of |a little |a lot of |the )?(?:bleach|poison|a battery|batteries|drain cleaner|antifreeze|something)|"
             r"(?:ate|drank|swallowed) (?:some )?(?:rat poison|weed killer|pesticide|cleaning "
             r"(?:stuff|products?|fluid))|took (?:a lot|loads|a bunch|a handful) of (?:my |his |her |their )?"
             r"(?:pain |random |unknown |someone'?s |\w+ )?(?:" + PILLS + r"))"
             r"(?! (?:of|on) (?:caffeine|coffee|sugar|chocolate|candy|netflix|memes|anime|"
             r"energy drinks))"),
    Rule("md.bleeding", "medical", X,
         B + r"(?:bleeding (?:a lot|so much|heavily|badly|everywhere|won'?t stop)|(?:it'?s |blood is |is )?"
             r"(?:gushing|spurting|pouring out)|(?:won'?t|can'?t|"
             r"cant) stop (?:the )?bleeding|losing (?:a lot of|so much) blood|coughing up blood|"
             r"vomiting blood|throwing up blood)"),
    Rule("md.dying", "medical", H,
         B + r"(?:i think i'?m dying|i feel like i'?m dying|i'?m going to pass out|going to faint|"
             r"(?:my|his|her) heart (?:is )?(?:racing|pounding) and (?:i|my chest|can'?t)|"
             r"hit (?:my|his|her) head and (?:is|am|i'?m|now|can'?t|keeps? )|"
             r"severe (?:pain|bleeding|allergic))", figurative="strong"),
]

GENERAL_RULES: list[Rule] = [
    Rule("sh.until_i_dont", "self_harm", L,
         B + r"(?:just )?existing until i (?:don'?t|die|stop|can'?t)\b|\b(?:hope|hoping|hopes|pray|"
             r"praying) (?:that )?i (?:won'?t|don'?t|never) (?:make it|live|survive|get) (?:to|past|"
             r"until|through|beyond)\b"),
    Rule("sh.life_over", "self_harm", M,
         B + r"(?:life|living|existing|my life)\b[^.!?\n]{0,40}\b(?:want|wish|need) (?:it|everything|"
             r"it all) (?:all )?to (?:be over|end|stop)\b"),
    Rule("sh.how_high", "self_harm", H,
         B + r"(?:bridge|building|roof|rooftop|cliff|tower|overpass|car park|parking garage)"
             r"[^.!?\n]{0,40}\bhow (?:high|tall|far down|deep|far the drop)\b|\bhow (?:high|tall|far) "
             r"(?:the )?(?:bridge|building|drop|fall|roof) (?:is|would be)"),
    Rule("sh.take_them_all", "self_harm", H,
         B + r"(?:about to|going to|gonna|ready to|want to|wanna|and) (?:just )?(?:take|taking|swallow|"
             r"swallowing) (?:(?:them|these|those|the pills|my pills|the tablets) all\b(?! (?:to|out|"
             r"for|with|home|shopping|swimming|along|back|over))|(?:all of them|the whole lot|the lot|"
             r"the whole (?:bottle|box|pack|packet|strip))\b(?! (?:of|to|out|for|with|home|shopping|"
             r"swimming|along|back|over)\b))"),
    Rule("sh.head_bang", "self_harm", M,
         B + r"i (?:keep |always |sometimes )?(?:slam|slammed|bang|banged|hit|smash|smashed) my head "
             r"(?:into|against) (?:the|a) (?:wall|door|floor|desk)"),
    Rule("ab.head_wall", "abuse", M,
         B + r"(?:he|she|they|my (?:\w+ )?(?:boyfriend|girlfriend|bf|gf|partner|husband|wife|dad|"
             r"father|stepdad|mom|mum|mother|brother|sister|ex))(?: \w+)? (?:slammed|smashed|banged|"
             r"pushed|threw|shoved|knocked) my head (?:into|against|on) (?:the|a)"),
    Rule("md.double_dose", "medical", H,
         B + r"(?:took|taken|injected|gave (?:him|her|myself)) (?:double|twice|triple|two doses of|too "
             r"much of) (?:my |his |her |the )?(?:dose|insulin|meds|medication|" + PILLS + r")"),

    Rule("sh.letters_ctx", "self_harm", H,
         B + r"(?:wrote|writing|written|left) (?:\w+ )?(?:letters?|notes?) (?:to|for) (?:my (?:family|children|"
             r"kids|parents|loved ones|mom|mum|dad|sister|brother|wife|husband)|each of my \w+|everyone|everybody)",
         needs_context=True),
    Rule("sh.welcome_end", "self_harm", L,
         B + r"(?:would|'d) welcome (?:the end|death|dying)|\b(?:(?:little|no|any) reason to "
             r"(?:carry on|go on|keep going|continue)|see (?:little|no) reason (?:to|for) (?:living|"
             r"carrying on|going on))|\b(?:i'?m|i am|im) ready (?:for the end|to go)\b(?! (?:out|home|to|now\b|"
             r"shopping))|\b(?:i think )?it'?s (?:almost|nearly|about) time\b(?! (?:for|to))|\b(?:put|"
             r"putting|getting|got|have put) my affairs in order\b(?! (?:before|for) (?:the|my) (?:house "
             r"|big )?(?:move|trip|surgery|operation|moving|holiday|wedding))"),
    Rule("sh.enough_to_end", "self_harm", H,
         B + r"(?:collected|saved|saving|have|got|gathered|hoarded) enough (?:of )?(?:my |the )?(?:\w+ )?"
             r"(?:pills|medication|meds|tablets|" + PILLS + r") (?:to|so i can) (?:end|die|kill|do it|"
             r"overdose|finish)"),
    Rule("ab.bruises", "abuse", M,
         B + r"(?:leaves|left|gives|gave) (?:me )?(?:bruises|marks|welts|black eyes?|a black eye)|"
             r"\b(?:took|takes|has taken|kept|keeps) my (?:passport|id|papers|documents)\b|\bnot "
             r"allowed to leave (?:the house|home|my room|the flat|the apartment)"),
    Rule("md.stroke3", "medical", X,
         B + r"(?:mouth|face|smile) (?:is |looks |has gone |went )?(?:crooked|droopy|drooping|lopsided|"
             r"uneven)|\bsuddenly (?:can'?t|cannot) (?:speak|talk|see|walk|move|understand)"),

    Rule("ab.near", "abuse", M,
         B + r"my (?:\w+ ){0,2}(?:boyfriend|girlfriend|bf|gf|partner|husband|wife|dad|father|"
             r"stepdad|stepfather|step ?father|mom|mum|mother|stepmom|step ?mom|parents|uncle|aunt|"
             r"brother|sister|grandpa|grandma|carer|caregiver|coach|teacher|boss|ex|son|daughter|"
             r"grandson|granddaughter|employer|landlord|neighbou?r)\b[^.!?\n]{0,80}"
             r"\band (?:\w+ )?(?:hits|beats|slaps|punches|kicks|chokes|strangles|burns|hurts|drags|"
             r"bites|shoves|pushes) me\b"),
    Rule("ab.child_others", "abuse", M,
         B + r"(?:is|are|keeps|has been|have been) (?:abusing|beating|hurting|starving|molesting) "
             r"(?:her|his|their|the) (?:kids|children|son|daughter|baby|kid|child|stepson|"
             r"stepdaughter)\b"),
    Rule("md.stroke2", "medical", X,
         B + r"(?:speech|words|voice) (?:suddenly )?(?:went|goes|is|are|became|sounds) (?:all )?"
             r"(?:weird|strange|slurred|garbled|funny|jumbled)|\b(?:arm|leg|hand|side of (?:his|her|"
             r"my|their) face) (?:suddenly )?(?:is |went |has gone )?(?:limp|floppy|dead|droopy|"
             r"drooping)\b"),
    Rule("sh.scars", "self_harm", M,
         B + r"(?:scars|cuts|burns|marks) (?:all )?(?:over|on|up) (?:my|his|her|their) (?:arms?|legs?|"
             r"wrists?|thighs?|stomach)[^.!?\n]{0,30}\b(?:from (?:cutting|self[- ]?harm\w*|"
             r"burning)|she did|he did|they did|herself|himself|myself)|\bfrom (?:cutting|"
             r"self[- ]?harming) (?:herself|himself|themselves|myself)?"),
    Rule("sh.third_farewell", "self_harm", M,
         B + r"(?:he|she|they|my \w+) (?:said|says|has said|was saying) goodbye to (?:everyone|"
             r"everybody|all of us|us all)|\b(?:gave|giving|given) (?:me |us |away )?(?:all )?(?:his|"
             r"her|their) (?:\w+ )?(?:stuff|things|belongings|guitar|games|xbox|playstation|clothes|"
             r"cat|dog|books|jewellery|jewelry)[^.!?\n]{0,40}\b(?:scared|worried|weird|strange|"
             r"goodbye|for no reason)", third_person=True),

    Rule("sh.planned_secret", "self_harm", H,
         B + r"(?:have|got) it (?:all )?planned[^.!?\n]{0,60}\b(?:until|till|when|once) (?:my "
             r"(?:parents|family|mom|mum|dad|roommates?|partner|wife|husband)|everyone|they|nobody|"
             r"no one) (?:go away|goes away|are asleep|is asleep|leave|leaves|are out|is out|go out|"
             r"fall asleep|is home|are home|is around)"),

    Rule("sh.nice_gone", "self_harm", L,
         B + r"(?:nice|peaceful|easier|better|a relief|so good) (?:it would be )?to (?:just )?(?:not "
             r"exist|not be here|be gone|disappear forever|stop existing|not wake up|be dead|die)\b|"
             r"\bhow (?:peaceful|nice|easy|good) it (?:would|will|'?d) be to (?:be gone|die|not be "
             r"here|not exist|disappear)|\b(?:death|dying) (?:doesn'?t|does not|no longer) scares? me\b"
             r"|\b(?:death|dying) (?:sounds|seems|feels) (?:kind of |kinda |so )?(?:nice|peaceful|good|"
             r"like a relief|appealing)", negatable=False),
    Rule("sh.slit_now", "self_harm", X,
         B + r"i(?:'ve| have)? (?:just )?(?:slit|slashed|cut open|sliced) my (?:wrists?|throat|arm|"
             r"veins?)\b(?! (?:on|while|by accident|accidentally))"),

    Rule("ho.hospital", "harm_to_others", M,
         B + r"(?<!crash\s)(?<!accident\s)(?<!fall\s)(?<!it\s)(?<!that\s)(?<!illness\s)"
             r"(?<!virus\s)(?<!covid\s)(?<!flu\s)(?<!infection\s)(?<!stroke\s)(?<!injury\s)"
             r"(?:put|send|land) (?:him|her|them|my \w+|that \w+) in (?:the )?(?:hospital|ground|grave|"
             r"a coffin)|\b(?:scared|afraid|terrified|worried) (?:of )?what i (?:might|could|'?ll|will|"
             r"am going to) do to (?:him|her|them|my \w+|someone|somebody|people)",
         figurative="strong"),
    Rule("ho.weapon_going", "harm_to_others", H,
         B + r"(?:got|have|bringing|taking|grabbed) (?:a|my|the) (?:bat|knife|gun|crowbar|machete|"
             r"hammer|axe)[^.!?\n]{0,40}\b(?:going to|heading to|on my way to|driving to|going "
             r"over to) (?:his|her|their|that \w+'?s) (?:place|house|home|work|flat|apartment)|"
             r"\b(?:rat poison|poison|antifreeze|bleach|pills)[^.!?\n]{0,40}\b(?:for|in|into) "
             r"(?:his|her|their|my [\w-]+'?s?) (?:tea|coffee|food|drink|dinner|meal)"),
    Rule("ab.beat_up", "abuse", M,
         B + ABUSER + r" (?:always |keeps |sometimes |often )?(?:beats|beat|beating) (?:me|us) up\b|"
             r"\b(?:keeps|kept) (?:showing up|turning up|coming) (?:at|to) my (?:house|home|work|"
             r"door|school|flat|apartment)|\b(?:leave|leaves|left) (?:us|me|my \w+) (?:alone|home "
             r"alone) for (?:days|a week|weeks|\d+ days)|\b(?:no|without) food for days\b"),
    Rule("md.more_emergencies", "medical", X,
         B + r"(?:blood (?:coming )?(?:from|out of) (?:my|his|her|their) (?:ear|ears)|(?:face|lips|"
             r"tongue|throat|eyes) (?:is |are )?(?:swelling|swollen|puffing up|blowing up)|gurgling|"
             r"choking on (?:his|her|their|my) (?:own )?vomit|passed out[^.!?\n]{0,30}\b(?:vomit|"
             r"gurgl\w*|won'?t wake|not breathing|barely breathing))"),
    Rule("md.vomiting", "medical", H,
         B + r"(?:can'?t keep (?:anything|water|food|fluids) down|(?:throwing up|vomiting) for "
             r"(?:\d+|two|three|four|several) days|fell (?:off|from|down)[^.!?\n]{0,40}\b(?:dizzy|"
             r"confused|can'?t (?:move|feel)|bleeding))"),

    Rule("sh.stopped_caring", "self_harm", L,
         B + r"(?:don'?t|stopped|stop|no longer) car(?:e|ing) (?:whether|if) i (?:wake up|live|die|"
             r"survive|make it|am alive)|\blife (?:feels|is|seems) (?:so )?(?:meaningless|pointless|"
             r"worthless|not worth it)\b|\bwish (?:something|someone|somebody) would (?:just )?(?:take "
             r"me out|kill me|end me|end it for me)|\blet go (?:for good|forever|of life)\b|\bstop "
             r"fighting (?:for good|forever)", negatable=False),
    Rule("md.chest_plus", "medical", X,
         B + r"(?:grey|gray|pale|clammy|sweating|sweaty|sweat)[^.!?\n]{0,40}\bchest|\bchest[^.!?\n]"
             r"{0,40}\b(?:sweating|clammy|grey|gray|left arm|jaw|can'?t breathe|short of breath)"),

    Rule("sh.point_of_me", "self_harm", L,
         B + r"(?:what'?s|what is|what) the point of me\b|\b(?:heading|going|slipping|sliding) back "
             r"(?:there|to that (?:place|dark place)|into that (?:place|darkness))|\bback in that "
             r"dark place"),
    Rule("sh.plan_and_means", "self_harm", H,
         B + r"(?:have|got|made) (?:a|the|my) plan[^.!?\n]{0,40}\b(?:have|got|bought) (?:the|my|a|"
             r"some|enough) (?:pills|rope|gun|knife|blades|tablets|" + PILLS + r")|\b(?:bought|got|"
             r"ordered|picked up) (?:a |the |some )?(?:rope|noose|pills|gun|razor blades|helium|"
             r"charcoal) (?:for it|to do it|for (?:when|tonight|the day))\b|\bi attempted (?:last|"
             r"in|before|twice|once|\d|a few|two|three)|\b(?:said|saying) (?:my )?goodbyes? (?:to "
             r"(?:\w+ ){1,3})?without (?:them|anyone|anybody) (?:realizing|realising|knowing)|"
             r"\b(?:taken|took|had) an overdose\b"),
    Rule("sh.the_night", "self_harm", X,
         B + r"(?:tonight|today)(?:'s| is) the (?:night|day)[^.!?\n]{0,30}\b(?:end it|die|do it|kill "
             + MYSELF + r"|go|leave)\b|\bthe (?:night|day) i (?:end it|die|do it|kill " + MYSELF +
             r")\b"),
    Rule("ho.dead_by", "harm_to_others", M,
         B + r"(?:he|she|they)(?:'?ll| will| is going to| are going to|'s going to) be dead (?:by|"
             r"before|soon|tomorrow|this week|next week|within)"),
    Rule("ho.worked_out", "harm_to_others", H,
         B + r"(?:got it all|have it all|it'?s all) (?:worked out|planned|figured out)|\bi know "
             r"(?:exactly )?how i'?(?:ll|m going to) do it\b", needs_context=True),
    Rule("ab.threatens_me", "abuse", M,
         B + r"(?:threatens|threatened|threatening|keeps threatening) me\b|\b(?:cornered|grabbed|"
             r"pinned|trapped) me\b|\b(?:keeps|kept|has been|is) (?:following|stalking) me\b"),
    Rule("ab.witness", "abuse", M,
         B + r"my (?:\w+ ){0,2}(?:dad|father|stepdad|step ?father|husband|boyfriend|brother|uncle|"
             r"mum'?s (?:new )?boyfriend|mom'?s (?:new )?boyfriend|mom|mum|mother) (?:hits|beats|"
             r"chokes|slaps|punches|kicks|hurts|strangles|attacks|touches|molests|rapes|abuses) (?:her|"
             r"him|them|my (?:mom|mum|"
             r"mother|dad|father|little \w+|sister|brother|grandma|stepmom))\b"),
    Rule("ab.kiss_secret", "abuse", H,
         B + r"(?:kissed|kisses|touched|touches|hugged|hugs) me[^.!?\n]{0,60}\b(?:not to tell|"
             r"don'?t tell|our secret|keep it (?:a )?secret)|\btold me not to tell (?:anyone|"
             r"anybody|my (?:mom|mum|dad|parents))[^\n]{0,40}\b(?:i'?m|i am) (?:[5-9]|1[0-7])\b"),

    Rule("sh.take_all", "self_harm", H,
         B + r"(?:thinking (?:about|of)|think about|want to|wanna|going to|gonna|plan(?:ning)? to|"
             r"tempted to|could|might|about to|ready to) (?:just )?(?:taking|take|swallowing|swallow|downing|down) "
             r"(?:all|every one|each one|the whole (?:bottle|pack|box)) (?:of )?(?:them|it|these|those|"
             r"these pills|those pills|my "
             r"(?:pills|meds|tablets)|the (?:pills|tablets|meds)|" + PILLS + r")\b|\b(?:which|what|"
             r"the) (?:bridge|building|rope|pills|gun|method|spot|place|tree|train|cliff) i'?m "
             r"(?:going to|gonna) use\b"),
    Rule("ab.tried_to", "abuse", H,
         B + r"(?:he|she|they|my (?:\w+ )?(?:husband|wife|boyfriend|girlfriend|bf|gf|partner|ex|"
             r"dad|father|stepdad|mom|mum|mother|brother|uncle))(?:'s| has)? (?:tried|try|trying|"
             r"attempted) to (?:strangle|choke|kill|drown|suffocate|smother|stab|shoot|run) (?:me|us)"
             r"\b"),

    Rule("sh.better_not_here", "self_harm", L,
         B + r"(?:i'?d|id|i would|i'?m) (?:be )?better off (?:not being (?:here|alive|around)|not "
             r"(?:here|alive|existing|around)|gone|never born)\b"),
    Rule("sh.couldnt_go_on", "self_harm", L,
         B + r"i (?:just )?(?:couldn'?t|could not|can'?t|cannot) (?:keep going|go on|take (?:it|this) "
             r"any ?more|do this any ?more|keep living|hold on any ?(?:more|longer))\b"
             r"(?! (?:with|at|in) (?:the|this|that|my) (?:job|project|class|course|diet|game))",
         figurative="strong"),
    Rule("sh.jump_now", "self_harm", X,
         B + r"(?:gonna|going to|will|'ll|about to|ready to) jump (?:tonight|today|now|rn|right now|"
             r"in (?:an|a few|\d+) (?:hours?|minutes?|mins?))\b"),
    Rule("sh.loaded", "self_harm", X,
         B + r"(?:gun|pistol|rifle|revolver)s? (?:is |are )?(?:loaded|cocked)[^.!?\n]{0,30}\b(?:next to|"
             r"beside|in front of|on my lap|in my hand|with me)|\bloaded (?:gun|pistol|rifle) "
             r"(?:next to|beside|in front of|on my lap|in my hand|with) me"),
    Rule("sh.on_place_ctx", "self_harm", X,
         B + r"(?:i'?m|im|i am) (?:\w+ ){0,2}on (?:the |top of the )?(?:roof|rooftop|ledge|bridge|"
             r"railing|edge|overpass|tracks|cliff)\b", needs_context=True),
    Rule("sh.picked_day", "self_harm", H,
         B + r"(?:picked|chose|chosen|set|decided on) (?:a |the )?(?:day|date|night|monday|tuesday|"
             r"wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|weekend)\b",
         needs_context=True),
    Rule("ho.break_bone", "harm_to_others", M,
         B + r"(?:i'?ll|i will|gonna|going to|want to|wanna) (?:break|snap) (?:his|her|their|your|my "
             r"\w+'s) (?:arm|legs?|neck|jaw|nose|fingers|skull)"),
    Rule("ho.all_pay", "harm_to_others", M,
         B + r"(?:they|them|everyone|everybody|you all|y'?all)(?:'?ll| will| are going to| gonna| "
             r"are gonna) (?:all )?(?:pay|regret it|be sorry|get what'?s coming)\b"
             r"(?! (?:me|us|you|for|back|off|the|it|rent|bills))",
         figurative="strong"),
    Rule("ho.list_plan", "harm_to_others", H,
         B + r"(?:i have|i'?ve got|made|making|wrote|writing) (?:a |my )?(?:list|plan|hit list|kill "
             r"list)\b", needs_context=True),

    Rule("sh.waiting_die", "self_harm", L,
         B + r"(?:just )?waiting (?:to die|for (?:death|the end|it all to end))|\b(?:would|will) "
             r"(?:anyone|anybody|people) (?:even )?(?:come to|care about|show up at|cry at) my "
             r"funeral|\b(?:sleep|go to sleep|fall asleep)[^.!?\n]{0,40}\b(?:not come back|never "
             r"come back|not wake|never wake)|\b(?:don'?t|dont|do not) (?:even )?care if i (?:make it|"
             r"survive|live|die|wake up|get through) (?:through )?(?:the night|tonight|tomorrow|or "
             r"not|anymore)?", negatable=False),
    Rule("sh.stupid_to_self", "self_harm", M,
         B + r"(?:do|doing|did) something (?:stupid |dumb |bad |drastic |permanent |terrible )?(?:to|with) "
             + MYSELF + r"|\b(?:hold|holding|held|look at|looking at|staring at) (?:the|a|my) "
             r"(?:knife|blade|razor|pills|rope|gun) (?:and|while) (?:i )?(?:think|thinking|wonder|"
             r"wondering) about (?:it|doing it|using it)|\b(?:picturing|imagining|picture|imagine) "
             + MYSELF + r" (?:hanging|dead|dying|jumping|in a coffin|bleeding)|\b(?:want|wanting|"
             r"urge|urges|tempted|think about|thinking about) (?:to )?(?:drive|driving|crash|crashing|"
             r"swerv\w*) (?:my car )?(?:into|off) (?:(?:a|the) (?:wall|tree|truck|bridge|barrier|"
             r"oncoming|river|cliff)|(?:oncoming )?traffic)"),
    Rule("sh.counted", "self_harm", H,
         B + r"(?:counted|counting|count) (?:out )?(?:all )?(?:my |the )?(?:pills|tablets|" + PILLS +
             r")[^.!?\n]{0,40}(?:enough|there'?s enough|it'?s enough)?|\b(?:tying|tied|practic\w+) "
             r"(?:knots|a knot|the knot|a noose)[^.!?\n]{0,30}\b(?:rope|practice|practise|neck)|"
             r"\b(?:take|taking|swallow|swallowing) everything in (?:the|my) (?:cabinet|medicine cabinet|"
             r"cupboard|drawer)|\btried to (?:drown|suffocate|strangle|hang|poison|starve|electrocute) "
             + SELF_ANY),
    Rule("sh.doing_it_now", "self_harm", X,
         B + r"(?:doing it|i'?m doing it|going to do it|gonna do it) (?:right now|rn|now|tonight)\b"),
    Rule("sh.thanks_trying", "self_harm", X, B + r"thanks for trying\b", needs_context=True),
    Rule("ho.bleed", "harm_to_others", M,
         B + r"(?:beat|hit|punch|stab|kick|hurt)(?:ing)? (?:my \w+|him|her|them|that \w+) "
             r"(?:until|till|til) (?:he|she|they) (?:bleeds?|bled|stops? breathing|can'?t move|"
             r"passes out)|\b(?:run|running|ran) (?:him|her|them|my \w+) (?:over|down)\b"),
    Rule("ho.sharpen", "harm_to_others", H,
         B + r"(?:sharpen(?:ing|ed)?|hiding|loaded|loading) (?:a|the|my) (?:knife|blade|gun|machete|"
             r"axe)[^.!?\n]{0,40}\b(?:waiting for|for when) (?:him|her|them|my \w+)"),
    Rule("ab.neck", "abuse", M,
         B + r"(?:puts?|put|wraps?|wrapped|has) (?:his|her|their|both) hands? (?:around|round|on) my "
             r"(?:neck|throat)|\b(?:threatened|threatens|threatening) me with (?:a|his|her|the) "
             r"(?:bat|weapon)"),
    Rule("ab.weapon_threat", "abuse", H,
         B + r"(?:threatened|threatens|threatening|pointed|points|pointing|held|holds) (?:me|at me|"
             r"it at me)? ?(?:with )?(?:a|his|her|the) (?:gun|knife|pistol|rifle)"
             r"(?: (?:at|to) (?:me|my (?:head|throat|face)))?"),
    Rule("md.asthma_spiked", "medical", X,
         B + r"(?:(?:bad|severe|really bad|serious) asthma attack|inhaler (?:isn'?t|is not|not) "
             r"(?:working|helping)|(?:drink|drinks) (?:was|were|got|has been) spiked|(?:was|got|been) "
             r"drugged|can'?t feel my (?:legs|arms|face|body)|anaphyla\w+)"),

    Rule("sh.sick_waking", "self_harm", L,
         B + r"(?:sick|tired|exhausted) of (?:waking up|being alive|breathing|existing|living)\b|"
             r"\b(?:hope|hoping|hopes) (?:that )?(?:the|my) (?:plane|car|bus|train) (?:crashes|crash|"
             r"goes down|hits)|\bdon'?t (?:really )?see myself (?:being )?(?:around|alive|here) "
             r"(?:in|for|much|by|next)"),
    Rule("sh.on_mind", "self_harm", M,
         B + r"(?:suicide|killing " + MYSELF + r"|ending it|ending my life|dying|death) (?:has been|"
             r"is|'s been|keeps|has) (?:always |constantly |been )?(?:on my mind|in my head|all i "
             r"(?:can )?think about|creeping in|coming back)|\bhow (?:much )?longer i can (?:keep "
             r"(?:myself )?(?:alive|going)|stay alive|hold on|last)\b"),
    Rule("sh.step_off", "self_harm", M,
         B + r"(?:think|thinking|thought|urges?|want|wanna|tempted|imagine|picture)(?: about| of| to)? "
             r"(?:just )?(?:stepping|step|jumping|jump|falling|fall|throwing " + MYSELF + r"|"
             r"walking|driving) (?:off|in front of|onto|from|into (?:traffic|the river|the sea))"),
    Rule("sh.edge_now", "self_harm", X,
         B + r"(?:i'?m|i am|im) (?:\w+ ){0,4}(?:at|on) the edge of (?:the|a) (?:cliff|roof|bridge|"
             r"building|platform|rooftop)|\b(?:bridge|roof|cliff|tracks|ledge|edge)[^.!?\n]{0,60}"
             r"\b(?:see if i (?:can|could) (?:do it|jump|go through)|work up the (?:courage|nerve))"),
    Rule("ho.push", "harm_to_others", M,
         B + r"(?:urges?|want|wanna|thoughts? (?:of|about)|tempted|imagine|thinking about) (?:to )?"
             r"(?:push|shove|throw)(?:ing)? (?:people|someone|somebody|him|her|them|strangers|a "
             r"stranger) (?:in front of|off|onto|down)"),
    Rule("ho.suffer", "harm_to_others", M,
         B + r"(?:make|see|watch) (?:my \w+|him|her|them|that \w+|those \w+) (?:suffer|bleed|"
             r"pay) (?:like|the way|for what)"),
    Rule("ab.no_doctor", "abuse", M,
         B + r"won'?t let me (?:see a doctor|go to the (?:doctor|hospital)|get (?:medical )?help|"
             r"call (?:anyone|my family|the police))|\b(?:cover|hide|hiding|covering) (?:up )?(?:the|"
             r"my) bruises"),
    Rule("md.child_poison", "medical", X,
         B + r"(?:toddler|baby|kid|child|son|daughter|little one|\d+ ?(?:year|yr) ?old)[^.!?\n]{0,40}"
             r"\b(?:got into|ate|eaten|swallowed|drank|drunk|chewed|bit into|licked)[^.!?\n]{0,30}"
             r"\b(?:tablets|pods|detergent|pills|medicine|meds|battery|batteries|bleach|poison|"
             r"cleaner|antifreeze|vitamins|magnets|lye|drain)"),

    Rule("sh.concept_strong", "self_harm", M,
         B + r"(?:want|wanna|wish|think|thinks|thinking|thought|thoughts|ways|way|how|plan|"
             r"planning|ready|giving up|give up|considering|fantasi[sz]\w*|dream\w*|imagine\w*|"
             r"urges?|tempted|research\w*|reading|read|looked|looking|googl\w+)\b"
             r"[^.!?\n]{0,40}?\b(?:suicide|suicidal|kill(?:ing)? " + MYSELF + r"|end(?:ing)? it(?: all)?"
             r"\b(?! with| off| between)|end(?:ing)? my life|overdos(?:e|ing)|bleed(?:ing)? out|"
             r"hang(?:ing)? " + MYSELF + r"|(?:ways|how) to die|die|dying(?! to\b| of\b| for\b)|"
             r"not (?:being|be) alive)\b(?! (?:of|from|for|on|laughing|laughter))",
         figurative="weak"),
    Rule("sh.concept_death", "self_harm", L,
         B + r"(?:want|wanna|wish|think|thinking|thought|thoughts|obsess\w*|fantasi[sz]\w*|"
             r"dream\w*|long|longing|crave|craving)\b[^.!?\n]{0,30}?\b(?:death|being dead|"
             r"not existing|fade away|fading away|disappear(?:ing)? forever)\b"
             r"(?! of me| metal| star| row)", figurative="weak"),
    Rule("sh.over_living", "self_harm", L,
         B + r"(?:i'?m|i am|im|so) (?:so |just |honestly )?over (?:living|life|being alive|existing)\b|"
             r"\b(?:fade|faded|fading|waste|wasting) away\b|\bstop(?:ped)? eating (?:and|until) "
             r"(?:i )?(?:die|disappear|fade)"),
    Rule("sh.go_through", "self_harm", M,
         B + r"(?:scared|afraid|worried|terrified|think|might|going to|gonna|will|'?ll) (?:that )?"
             r"(?:i'?ll |i will |i might |i'?m going to )?(?:actually )?go through with it\b"),
    Rule("sh.pills_kept", "self_harm", H,
         B + r"(?:pills|tablets|" + PILLS + r")[^.!?\n]{0,40}\b(?:hidden|hid|hiding|stashed|saved|"
             r"saving|keeping|put away|under my bed)\b[^.!?\n]{0,40}\b(?:for when|in case|just in "
             r"case|for the day|when i'?m ready|for later|for (?:if|when) i)|\b(?:hidden|hid|"
             r"hiding|stashed|saved|saving|keeping) (?:a |some |enough )?(?:bottle of |box of "
             r"|stash of )?(?:pills|tablets|" + PILLS + r")[^.!?\n]{0,40}\b(?:for when|in case|"
             r"just in case|when i'?m ready|for (?:if|when) i)"),
    Rule("ho.vehicle", "harm_to_others", M,
         B + r"(?:run|drive|ram|crash|plow|plough)(?:ning|ing)? (?:my |the |a )?(?:car|truck)? ?"
             r"(?:into|over) (?:the )?(?:people|them|him|her|everyone|those \w+|the \w+ who)"),
    Rule("ab.threaten_to", "abuse", M,
         B + r"threaten(?:s|ed|ing)? to (?:kill|hurt|beat|harm|take|hit) (?:me|us|my \w+)\b"),

    Rule("sh.stop_all", "self_harm", L,
         B + r"(?:want|need|wish|just want) (?:for )?(?:everything|it all|all of it|the pain|life) to "
             r"(?:stop|end|be over)\b|\bnot meant to (?:be alive|exist|be here)\b|"
             r"\bdon'?t (?:belong|deserve to be) (?:here|alive|on this earth|in this world)\b|"
             r"\bnothing matters anymore\b|\bi don'?t see the point in (?:trying|anything|life|"
             r"living|going on)"),
    Rule("sh.world_without_me", "self_harm", M,
         B + r"(?:world|everyone|everybody|my family|they|people) (?:would|will|'d) be better "
             r"(?:off )?without me"),
    Rule("sh.hope_die_ill", "self_harm", L,
         B + r"(?:hope|hoping|wish|pray|praying) (?:that )?i'?(?:ll| will| would|'d)? (?:\w+ ){0,4}"
             r"(?:die|not survive|never wake up)\b"),
    Rule("sh.cant_stop_thinking", "self_harm", M,
         B + r"(?:can'?t|cannot|cant) stop thinking (?:about|of) (?:dying|death|suicide|killing "
             + MYSELF + r"|ending it|ending my life|not being here|how to die)"),
    Rule("sh.tool_injury", "self_harm", H,
         B + r"(?:burn(?:ed|t)?|cut|slash(?:ed)?|stab(?:bed)?|scratch(?:ed)?|carv(?:ed|e)) (?:my|his|"
             r"her) (?:arms?|wrists?|legs?|thighs?|skin|hands?|stomach|hips?|chest) (?:with|using) "
             r"(?:a|the|my) (?:lighter|blade|razor|knife|scissors|compass|cigarette|lighter|glass|"
             r"pencil sharpener blade|pin|needle)(?! while| by accident| accidentally| when (?:i|"
             r"cooking))|\bi (?:just )?cut my wrists?\b"),
    Rule("sh.blood", "self_harm", X,
         B + r"(?:so much blood|a lot of blood|lots of blood|blood everywhere|too much blood|"
             r"can'?t stop the blood)", needs_context=True),
    Rule("sh.method_research", "self_harm", H,
         B + r"(?:(?:looked|looking|look) up|googl(?:ed|ing)|search(?:ed|ing)(?: for)?|research(?:ed|"
             r"ing)?|read up on) (?:how (?:much|many) (?:of )?(?:my |the )?(?:" + PILLS + r"|insulin)|"
             r"(?:ways|methods|how) to (?:die|kill " + MYSELF + r"|end (?:it|my life)|overdose|od)|"
             r"(?:lethal|fatal) doses?|(?:suicide|painless) methods)|\bhow (?:much|many) (?:of )?"
             r"(?:my |the )?(?:" + PILLS + r"|insulin) (?:it )?(?:would|will|does it|do i need to|to) "
             r"(?:take|kill|be lethal|be enough)"),
    Rule("sh.aborted", "self_harm", H,
         B + r"(?:went|walked|drove|go|going) (?:out )?(?:to|up to|onto) (?:the|a) (?:train tracks|"
             r"tracks|bridge|roof|rooftop|cliff|edge|overpass|ledge)[^.!?\n]{0,60}\b(?:waited|"
             r"chickened out|lost my nerve|couldn'?t (?:do it|go through)|almost|nearly|stood there|"
             r"thinking about|to jump)|\b(?:chickened out|lost my nerve|couldn'?t go through with "
             r"it|backed out at the last)"),
    Rule("sh.decided_how", "self_harm", H,
         B + r"(?:decided|figured out|worked out|know|planned) (?:exactly )?(?:how|when|where) "
             r"(?:i'?m going to|i'?m gonna|i'?ll|i will|i would|i'?d|to) (?:do it|end it|go)\b"),
    Rule("sh.anyone_else", "self_harm", M,
         B + r"(?:not|never|won'?t|wouldn'?t) (?:going to |gonna )?(?:hurt|harm|kill) (?:anyone|"
             r"anybody) else\b", negatable=False),
    Rule("sh.third_better_dead", "self_harm", M,
         B + r"(?:he|she|they)(?:'d| would|'s| is| are|'re) (?:be )?better off dead\b",
         third_person=True),
    Rule("sh.third_goodbye", "self_harm", H,
         B + r"(?:sent|texted|posted|wrote|left|messaged) (?:me |us |everyone )?(?:a |an )?(?:weird "
             r"|strange |long )?(?:message|text|note|post|letter|voicemail|dm)s? (?:saying |that "
             r"said )?(?:goodbye|good bye|bye forever|that (?:she|he|they) (?:loved|love) "
             r"(?:me|us|everyone) and)|\b(?:a|her|his|their) goodbye (?:message|text|note|post|"
             r"letter)", third_person=True),
    Rule("ho.imagine", "harm_to_others", M,
         B + r"(?:imagine|imagining|picture|picturing|fantasi[sz]e|fantasi[sz]ing|dream(?:ing)? "
             r"(?:about|of)|think(?:ing)? about) (?:about )?(?:killing|stabbing|shooting|strangling|"
             r"hurting|murdering|poisoning|beating) " + VICTIM + r"\b"),
    Rule("ho.until", "harm_to_others", M,
         B + r"(?:punch|hit|beat|kick|stab|choke|strangle)(?:ing)? (?:someone|somebody|him|her|them|"
             r"people|that \w+)[^.!?\n]{0,40}until (?:they|he|she) (?:stop|stops) (?:moving|"
             r"breathing)|\bburn (?:him|her|them) alive\b"),
    Rule("ho.arson", "harm_to_others", H,
         B + r"(?:(?:set fire to|burn down|torch) (?:the|my|his|her|their) (?:school|house|building|"
             r"office|place|car|church|work)|burn (?:his|her|their|my \w+'?s?) (?:house|home|place|car|"
             r"apartment|flat) (?:down)?)"
             r"(?: with (?:him|her|them) (?:inside|in it))?"),
    Rule("ho.stalk", "harm_to_others", L,
         B + r"(?:been |keep |i'?ve been )?(?:following|stalking|watching) (?:my ex|him|her|them) "
             r"(?:home|around|everywhere|for (?:days|weeks))|\b(?:she|he|they)'?(?:ll| will) "
             r"regret (?:leaving|dumping|cheating|it)"),
    Rule("ab.grooming", "abuse", H,
         B + r"(?:(?:asking|asks|asked|told|tells|wants|makes|made) me to keep (?:it|this|that|them|"
             r"us|our \w+) (?:a )?secret|don'?t tell (?:your|my) (?:mom|mum|parents|dad)|our "
             r"(?:little )?secret)(?=[^\n]{0,120}\b(?:pictures|photos|pics|touch|sexual|nudes|"
             r"naked|body|meet up|\b1[0-7]\b|[5-9] years old))|\b(?:keeps |kept )?(?:sending|"
             r"sends|sent) me (?:pictures|photos|pics|videos) (?:of (?:himself|herself|his|her))?"
             r"[^.!?\n]{0,60}\b(?:secret|don'?t tell|i'?m 1[0-7]|i am 1[0-7])"),
    Rule("ab.break_in", "abuse", X,
         B + r"(?:(?:trying to|going to|about to) break (?:the|my|down the|down my) (?:door|window)"
             r"(?: down)?|breaking (?:the|my) (?:door|window) down|kick(?:ing|s|ed)? (?:the|my) door (?:in|down)|(?:he|she|they|someone)(?:'s| is"
             r"|'re| are) (?:trying to )?break(?:ing)? in(?:to)?\b)"),
    Rule("ab.weapon_obj", "abuse", M,
         B + r"(?:hits?|beats?|hit|beat|whips?|whipped|smacks?|smacked) (?:me|us|my (?:little )?"
             r"(?:brother|sister)) with (?:a|the|his|her) (?:wooden spoon|belt|stick|cord|cable|"
             r"shoe|hanger|fist|hand|bat|pan|whip|ruler|paddle)\b"),

    Rule("sh.if_gone", "self_harm", L,
         B + r"if i (?:just )?(?:was|were|wasn'?t|weren'?t) (?:dead|alive|here anymore|around anymore|"
             r"gone for good|gone forever|gone(?! for| to| on| at| out)|here|around|in (?:them|it|their lives|the picture|"
             r"your life|the way))(?! for| to| on| at| this| next| when)|"
             r"\bif i (?:just )?(?:died|never woke up|disappeared forever|didn'?t exist|killed "
             + MYSELF + r"|wasn'?t here|stopped existing)\b"),
    Rule("sh.no_point_short", "self_harm", L,
         B + r"(?:what'?s the point (?:anymore|any more|of it all|of anything|of trying anymore|of "
             r"going on)|i don'?t see the point (?:anymore|in anything|of anything|in living|in "
             r"going on)|(?:the )?only way out\b)"),
    Rule("sh.only_option", "self_harm", M,
         B + r"(?:suicide|death|dying|killing " + MYSELF + r"|ending it) (?:is|feels like|seems like|"
             r"looks like|is starting to (?:look|feel) like) (?:the|my) (?:only|best|last|easiest) "
             r"(?:option|way|answer|choice|solution|way out)"),
    Rule("sh.injury_desc", "self_harm", M,
         B + r"(?:(?:scratch|pick|hit|bang|burn|cut|punch|bite|carve)(?:ing|ed|s)? (?:at )?(?:my|his|her) "
             r"(?:arms?|legs?|skin|wrists?|thighs?|head|hands?|knuckles|stomach|face) (?:until|till|"
             r"til|'?til|so hard) (?:it|they|i) (?:bleeds?|bled|bleed|bruises?|bruised|hurts?)|"
             r"(?:until|till|til) i bleed\b|to feel (?:something|the pain)|make " + MYSELF +
             r" (?:throw up|puke|sick|bleed))"),
    Rule("sh.want_it_to_hurt", "self_harm", M,
         B + r"(?:carv(?:e|ed|ing)|scratch(?:ed|ing)?|cut|cutting) (?:\w+ ){0,2}(?:into|in) my "
             r"(?:skin|arms?|legs?|thighs?|wrists?|stomach)|\b(?:wanted|want|needed|need) (?:it )?to "
             r"(?:hurt|feel (?:the )?pain|bleed)\b|\bto punish " + MYSELF + r"\b|\bhow many "
             r"(?:" + PILLS + r") (?:is|are|would be|does it take to be) (?:too many|a lethal|an "
             r"overdose|fatal|deadly|enough to (?:die|kill|od))|\b(?:tall|high|highest) (?:buildings?|"
             r"bridges?|places|cliffs|parking (?:garages?|structures?)) near me\b"),
    Rule("sh.means_and_end", "self_harm", H,
         B + r"(?:buy|get|find|order|borrow)(?:ing)? (?:a gun|a rope|pills|a lot of pills|sleeping "
             r"pills|a knife|razor blades|helium)[^.!?\n]{0,60}\b(?:end (?:this|it|my life|things)|"
             r"kill " + MYSELF + r"|die|be done)\b|\b(?:end (?:this|it|my life)|kill " + MYSELF +
             r"|die)\b[^.!?\n]{0,60}\b(?:buy|get|find|order|borrow)(?:ing)? (?:a gun|a rope|pills|"
             r"sleeping pills|razor blades|helium)"),
    Rule("sh.join_dead", "self_harm", L,
         B + r"(?:want|wanna|ready|wish i could|just want) (?:to )?(?:be with|join|see) (?:him|her|"
             r"them|my (?:\w+ )?(?:mom|mum|dad|mother|father|grandma|grandpa|husband|wife|son|"
             r"daughter|brother|sister|baby|friend)) (?:again )?(?:in heaven|on the other side|"
             r"up there|soon)"),
    Rule("sh.not_problem", "self_harm", M,
         B + r"(?:won'?t|will not|wont) be (?:a|your|anyone'?s) (?:problem|burden|bother) "
             r"(?:for (?:anyone|anybody|you|everyone|them|my family) )?(?:much longer|for long|anymore|any more|soon)"),
    Rule("sh.soon_over", "self_harm", H,
         B + r"(?:it'?ll|it will|this will|the pain will|everything will) (?:all )?be over "
             r"(?:soon|tonight|tomorrow)|(?:counting down|count down) (?:the )?(?:days|hours)",
         needs_context=True),
    Rule("sh.co_method", "self_harm", X,
         B + r"(?:(?:engine|car|motor) (?:is )?running in (?:the|a|my) (?:closed )?garage|"
             r"(?:charcoal|bbq|barbecue) (?:is )?(?:burning|lit) in (?:my|the) (?:room|car|bathroom|"
             r"tent)|in the (?:bath|bathtub|tub) with (?:a|the|my) (?:razor|blade|knife|toaster|"
             r"hairdryer))"),
    Rule("sh.intent_method", "self_harm", H,
         B + r"(?:want|wanna|going|gonna|gunna|'?ll|will|plan(?:ning)?|thinking (?:about|of)|"
             r"think about|ready|about to|decided) (?:to )?(?:just )?(?:jump(?:ing)? (?:off|from|in front "
             r"of) (?:a|the|my) (?:bridge|building|roof|rooftop|train|bus|truck|cliff|balcony|"
             r"overpass|parking garage|tower)|step(?:ping)? in front of (?:a|the) (?:train|bus|"
             r"truck)|step(?:ping)? in front of (?:a|the) next (?:train|bus)|hang(?:ing)? " + SELF_ANY + r"|overdos(?:e|ing)|od\b|slit(?:ting)? my (?:wrists?|"
             r"throat)|drive (?:my car )?(?:off|into) (?:a|the) (?:bridge|cliff|tree|wall|river|"
             r"oncoming traffic))"),
    Rule("sh.took_them_all", "self_harm", X,
         B + r"(?:i|i'?ve|i have) (?:already |just )?(?:took|taken|swallowed|downed) (?:them all|all "
             r"of them|the whole (?:bottle|pack|box|lot|packet))\b"),
    Rule("sh.taken_definite", "self_harm", H,
         B + r"(?:i'?ve|i have|i) (?:already|just) (?:taken|took|swallowed) (?:the|them|all of them|"
             r"it all|all of it)(?: (?:pills|tablets|meds))?\b"),
    Rule("ho.want_dead", "harm_to_others", M,
         B + r"(?:want|wish|need) (?:to see )?(?:him|her|them|everyone|those people|my (?:\w+ )?(?:dad|father|mom|mum|mother|"
             r"stepdad|stepmom|boss|ex|husband|wife|brother|sister|teacher))(?: all| both)? (?:dead|to die|gone "
             r"for good|six feet under)\b", figurative="strong"),
    Rule("ho.snap", "harm_to_others", M,
         B + r"(?:going to|gonna|gunna|might|will|'?ll|scared i'?ll|afraid i'?ll) (?:snap|lose it|"
             r"lose control|flip) and (?:hurt|kill|stab|shoot|attack|hit) (?:someone|somebody|"
             r"people|him|her|them|my \w+)"),
    Rule("ab.threat_direct", "abuse", H,
         B + r"(?:he|she|they|my (?:\w+ )?(?:husband|wife|boyfriend|girlfriend|bf|gf|partner|ex|"
             r"dad|father|stepdad|stepfather|mom|mum|mother|stepmom|uncle|brother))(?:'s| is|'re| "
             r"are| will|'ll) (?:going to |gonna |actually )?(?:kill|hurt|beat) (?:me|us)\b"
             r"(?! (?:when|if|once|for|because|cause|cuz) )", figurative="strong"),
    Rule("ab.neglect", "abuse", M,
         B + r"(?:(?:don'?t|won'?t|never|doesn'?t) (?:feed|give) (?:me|us) (?:food|anything to eat|"
             r"dinner|meals)|no food (?:at|in the|in my) (?:home|house) for days|(?:lock|locks|"
             r"locked) me (?:in|out) (?:for days|overnight|without food|in the cold))",
         negatable=False),
    Rule("md.head_baby", "medical", X,
         B + r"(?:hit|banged|bumped|smashed) (?:her|his|my|their) head[^.!?\n]{0,60}\b(?:vomit\w*|"
             r"throwing up|threw up|confused|unconscious|passed out|bleeding|can'?t remember|won'?t "
             r"wake|seizure)|\b(?:baby|infant|newborn|toddler)[^.!?\n]{0,60}\b(?:floppy|limp|won'?t "
             r"wake|not waking|unresponsive|turning blue|not breathing|having a seizure|fitting)|"
             r"\b(?:drank|drinking|drunk|had)[^.!?\n]{0,50}\b(?:took|taken|popped|swallowed)[^.!?\n]"
             r"{0,20}\b" + PILLS + r"|\b(?:took|taken|popped|swallowed)[^.!?\n]{0,20}\b" + PILLS +
             r"[^.!?\n]{0,40}\b(?:drank|drinking|drunk|alcohol|vodka|whiskey|wine|beer)|"
             r"\b(?:bleeding|blood)[^.!?\n]{0,40}\b(?:can'?t|won'?t|cannot) (?:make it )?stop\b|"
             r"\b(?:keep|kept|keeps) (?:fainting|passing out|blacking out)"),
    Rule("md.not_eating", "medical", M,
         B + r"(?:haven'?t|have not|didn'?t|did not) (?:eaten|eat|had (?:any )?food) (?:anything )?(?:in|"
             r"for) (?:\d+|a few|several|many|two|three|four|five|six|seven) (?:days|weeks)"),
    Rule("md.trauma", "medical", X,
         B + r"(?:(?:i|he|she|they|my \w+)(?:'ve| have| has|'s)? (?:just been|been|just got|got) "
             r"(?:stabbed|shot|hit by a car|run over)|(?:baby|infant|newborn) (?:is |isn'?t |is not )?"
             r"(?:not breathing|breathing|turning blue|blue|limp|not moving)|"
             r"(?:fell|fallen) and (?:can'?t|cannot) (?:get up|move)|worst headache of my life|"
             r"carbon monoxide (?:alarm|detector) (?:is )?(?:going off|beeping)|"
             r"(?:need|used|using) (?:an |my |her |his )?epi ?pen|"
             r"(?:blood sugar|sugar) (?:is )?(?:really |very |dangerously |so )?(?:low|high)(?: and|,)|"
             r"(?:pregnant|pregnancy) and (?:bleeding|cramping badly))"),
]

SCREENING = re.compile(_spaces(
    r"\b(?:asked (?:me )?(?:if|whether|about)|asks (?:me )?(?:if|whether|about)|"
    r"screen(?:ed|ing) (?:me )?for|questionnaire|form asked)\b[^.!?\n]{0,50}$"))

# -- context markers ---------------------------------------------------------------------
NEGATION = re.compile(_spaces(
    r"(?:\b(?:not|never|no longer|n't|dont|doesnt|wont|wouldnt|isnt|arent|wasnt|didnt|nt)"
    r"\b|n't)(?: (?:really|ever|even|actually|at all|gonna|going|planning|want|wanna|trying|"
    r"try|to|be|feel(?:ing)?|thinking about|think|of|on|about|about to|would|i|am|wanted))*"
    r"\s*$"))
HUMOR = re.compile(_spaces(
    r"(?:\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|just kidding|jokes?|joking|kidding|"
    r"lolol|xd|/s|not literally|figuratively|so cute|too cute|adorable|hilarious)\b|😂|🤣|💀|😭😂|😆|😅|😍|"
    r"🥰)"))
GAME = re.compile(_spaces(
    r"\b(?:in (?:the |this |that )?game|minecraft|fortnite|roblox|this level|that level|respawn\w*|"
    r"boss fight|elden ring|dark souls|speedrun\w*|my character|my avatar|the sims|gta|"
    r"overwatch|valorant|league of legends|zelda|mario|high ?score|leaderboard)\b"))
GENERIC = re.compile(_spaces(
    r"\b(?:someone|somebody|a person|people|anyone|anybody|those|teens|students|kids|men|women) "
    r"(?:who|that) (?:\w+ ){0,3}$"))
TRIVIAL_CAUSE = re.compile(_spaces(
    r"\b(?:for (?:eating|taking|stealing|using|finishing|drinking|borrowing|touching|spoiling|"
    r"wearing|losing|breaking|forgetting|leaving)|if i (?:spoil|spoiled|ate|eat|forget|forgot|"
    r"break|broke|lose|lost|touch|touched|take|took|use|used|wear|wore|miss|missed|am late|"
    r"'?m late|spill|spilled)|if (?:he|she|they|you) (?:eats?|takes?|spoils?|"
    r"touch(?:es)?|steals?|forgets?|finish(?:es)?|uses?|tells?|leaves?)|another (?:meeting|"
    r"zoom|group project)|this (?:song|homework|exam|test|meeting|class|traffic|heat|weather|"
    r"queue|line|game|level|boss fight)|that (?:song|episode|ending|exam|test|meme)|"
    r"(?:laughing|laughed|laugh|giggling|crying laughing)|burger|pizza|taco|fries|"
    r"spoiler|spoilers|workout|leg day|cardio|gym|hot sauce|spicy|"
    r"this hill|marathon|the (?:exam|test|homework|meeting|lecture|quiz|class|movie|"
    r"ending|game))\b"))
REACTIVE = re.compile(_spaces(
    r"\b(?:makes? me|made me|making me|when (?:i|she|he|they|you|we) (?:saw|see|heard|hear|"
    r"realized|found out|walked|tripped|said)|after (?:that|seeing|hearing)|if i (?:have|had) to|"
    r"one more time|every time|rather (?:die|be dead) than|so (?:hard|bad|boring|long|awkward|"
    r"embarrassing|cringe)"
    r"(?: that)? (?:she|he|i|they|we))\b"))
RELAPSE = re.compile(_spaces(
    r"\b(?:relapse[ds]?|relapsing|slipped up|started (?:again|cutting again)|"
    r"(?:cut|cutting|self[- ]?harm(?:ed)?|hurt myself) again|broke my (?:streak|clean streak))\b"))
NOT_NOW = re.compile(_spaces(
    r"\b(?:passes|goes away|went away|go away|every time|whenever|when i think|"
    r"years ago|last year|(?:months?|years?|weeks?) ago|back in (?:19|20)\d\d|"
    r"in (?:19|20)\d\d|recovered|doing (?:great|well|fine|better) now|first aid|cpr|"
    r"doctor said|at night|sometimes|often|usually|it'?s like|with (?:excitement|nerves|anticipation|pride|emotion|joy)|(?:from|because of|with|after) (?:all the |so much )?(?:coughing|a cough|the flu|flu|a cold)|"
    r"coughing so much|workout|gym|(?:with|from) (?:this|my|a|the) (?:cold|flu|cough)|"
    r"(?:blocked|stuffy|runny) nose|through my nose|non-?toxic|poison control said|"
    r"lifting|sore|pulled (?:a )?muscle|going to the doctor|see (?:a|the|my) doctor|"
    r"doctor'?s appointment|heartburn|indigestion|doctors? says?|(?:he|she|they|i)(?:'s|'re| is| "
    r"are|'m| am) (?:fine|okay|ok|alright|all right)|no (?:vomiting|bleeding|symptoms)|the doctor told|(?:it'?s|it is) "
    r"(?:just )?(?:panic|anxiety)|panic attacks? (?:feel|feels) like|makes me (?:think|feel like) "
    r"i'?m having|feels like i'?m having|went fine|it passed|went well|turned out "
    r"fine|(?:before|during) (?:my|the|a) (?:exam|test|presentation|interview|speech|game|date)|"
    r"fine now|said it was (?:just )?(?:\w+ )?(?:muscular|nothing|fine|anxiety|stress|reflux|"
    r"indigestion|a (?:pulled|strained) \w+)|(?:learn(?:ed|t|ing)?|taught|teach\w*) (?:us )?"
    r"(?:what to do|how to (?:spot|recogni[sz]e|help))|(?:crush|bf|gf|boyfriend|girlfriend) "
    r"(?:texted|messaged|replied|liked))\b|😂|🤣|💕|😍|🥰"))
# The narrow part of NOT_NOW: the event is over or was never real.
RESOLVED = re.compile(_spaces(
    r"\b(?:years ago|last year|(?:months?|years?) ago|back in (?:19|20)\d\d|recovered|"
    r"turned out (?:fine|to be nothing)|went fine|it passed|first aid|cpr|(?:he|she|they|i)(?:'s|"
    r"'re| is| are|'m| am) (?:fine|okay|ok|alright|all right) now|doing (?:great|well|fine|"
    r"better) now)\b"))
FICTION = re.compile(_spaces(
    r"\b(?:novel|book|books|(?<!on\shis\s)(?<!on\sher\s)(?<!on\smy\s)(?<!on\stheir\s)"
    r"(?<!insta\s)(?<!snap\s)(?<!instagram\s)(?<!snapchat\s)story|short story|stories|movie|film|tv show|series|season \d+|"
    r"episode|character|characters|protagonist|narrator|villain|plot|chapter|fanfic|fan fic|"
    r"fiction|script|screenplay|poem|lyrics|song|anime|manga|comic|memoir|biography|"
    r"essay|paper|thesis|dissertation|assignment|presentation|research(?! (?:ways|methods|how))|"
    r"article|(?<!to\s)study|studies|statistics?|lecture|documentary|"
    r"podcast|prevention|awareness|campaign|workshop|seminar|webinar|"
    r"rates?|hamlet|romeo|juliet|shakespeare|literature|"
    r"writing (?:about|a)|written about|wrote about|"
    r"learn(?:ing|ed)? about|teach(?:ing)? about|volunteer(?:ing)?|hotline|helpline|"
    r"crisis line|counsel(?:l)?or training|quote|quoting|meme|role[- ]?play\w*|dictionary|"
    r"euphemisms?|linguistics?|etymology)\b"))
RECOVERY = re.compile(_spaces(
    r"\b(?:used to|years? ago|(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"many|several|few) (?:years?|months?|yrs?) (?:clean|sober|free|ago|since)|clean (?:for|"
    r"since|from)|free (?:from|of) (?:self[- ]?harm|cutting|it)|(?:off|free of|clean of|away from) "
    r"(?:self[- ]?harm|cutting|sh|drugs|pills) (?:for|since)|\d+ (?:years?|months?) now|(?:stopped|quit) (?:cutting|self[- ]?harm"
    r"\w*)|\d+ (?:days?|months?|years?) clean|in recovery|recovered|recovering|"
    r"(?:i'?m|am) a survivor|survived|got (?:help|better|through it)|back then|"
    r"when i was (?:younger|a (?:kid|teen|teenager)|in (?:high school|college|school)|1\d)|"
    r"in (?:high school|college|my teens|my twenties)|no longer|not anymore|"
    r"haven'?t (?:cut|self[- ]?harmed|hurt myself|felt that way|thought about it|relapsed)|"
    r"proud of (?:myself|how far)|(?:doing|feeling) (?:so much |much |a lot )?better now|"
    r"glad i'?m (?:still )?(?:here|alive)|glad i (?:didn'?t|survived|stayed)|"
    r"(?:i'?m|am) (?:so )?grateful|milestone|anniversary of my (?:recovery|sobriety)|"
    r"struggled with|went through|i (?:had|have had) (?:a )?(?:history|period|phase)|"
    # past-time markers of a recovery frame (issue 4): the act lies in a named past
    r"last (?:winter|summer|spring|autumn|fall)|back when|as a (?:teen|teenager|kid|child)|"
    r"in my (?:teens|twenties|early \w+)|once in (?:college|school|high school|uni)|"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:years?|months?) ago|"
    r"the time i|in the past|a dark (?:patch|period|time|place))\b"))
RECOVERY_SPAN = re.compile(_spaces(
    r"\b(?:off|free of|free from|clean of|clean from|away from|quit|stopped|no more) "
    r"(?:self[- ]?harm\w*|cutting|sh|it) (?:for|since|in)\b"))
POSITIVE_RECOVERY = re.compile(_spaces(
    r"\b(?:clean|sober|recovered|recovery|better now|doing (?:well|great|good|okay|ok|better)|"
    r"grateful|proud|glad i'?m (?:still )?(?:here|alive)|glad i (?:didn'?t|survived|stayed)|"
    r"got help|survivor|milestone|healing|healed|thriving|life is good|happy now|happy|"
    r"saved me|(?:i'?m|am) (?:so )?(?:okay|ok|fine|good|well|doing well)|talked it through|"
    r"in therapy|now i'?m an? |now i "
    r"(?:work|help|volunteer)|peer (?:counsel(?:l)?or|supporter|support)|i help others|"
    r"in a (?:good|better|great) place|(?:therapy|meds|medication|treatment|counsel(?:l)?ing) "
    r"(?:really )?help(?:ed|s)|(?:i'?m|am) okay now|i'?m ok now|"
    # a present life after the past act ("now i'm 25 and studying", "today i'm writing a
    # wedding speech", "i don't anymore")
    r"(?:now|today|these days) (?:i'?m|i am|im) (?:\d+|a |an |studying|married|engaged|working|"
    r"writing|training|volunteering|graduating|getting married|celebrating|a (?:mum|mom|dad|"
    r"parent))|i (?:do not|don'?t|dont) (?:\w+ )?any ?more|"
    # the present-wellbeing half of a recovery frame (issue 4)
    r"pulled me (?:out|through)|got me through|(?:long |well |far )?behind me|"
    r"(?:doing|feeling) (?:so |much |a lot |way |really )+(?:better|well|great|good)|"
    r"wake-?up call|(?:he|she|they)(?:'s| has| have|'ve) changed|"
    r"we'?re (?:close|good|fine|okay|ok) now|different place|if you'?re where i was|"
    r"(?:today|now|this year|since then) i (?:graduated|got married|finished|passed|got|"
    r"started|ran|run|work|teach|volunteer|coach)|"
    r"i (?:do not|don'?t|dont) (?:touch|drink|use|do|smoke|cut|take) (?:\w+ ){0,2}any ?more)\b"))
QUOTES = re.compile(r"[\"“”«»]|(?<!\w)'|'(?!\w)")
FIRST_PERSON = re.compile(_spaces(r"\b(?:i|i'm|im|i've|ive|i'll|me|my|myself|mine)\b"))
THIRD_SUBJECT = re.compile(_spaces(
    r"\b(?:he|she|they|him|her|them|his|their|himself|herself|themselves|themself)\b|" +
    RELATION[3:-1]))
THIRD_REFLEXIVE = re.compile(_spaces(
    r"\b(?:him ?self|her ?self|them ?selves|them ?self|his|her|their|he|she|they)\b"))
DECISION = re.compile(_spaces(
    r"\b(?:i'?ve decided|i have decided|i decided|made up my mind|made my decision|"
    r"my mind is made up|i'?m ready(?: now)?|it'?s time|i'?m done|i'?m at peace|"
    r"no one can stop me|nothing will change my mind|won'?t change my mind|this is it)\b"))
GOODBYE = re.compile(_spaces(
    r"\b(?:goodbye|good bye|bye (?:everyone|forever|all)|farewell|thank you for everything|"
    r"thanks for everything|thanks for trying|take care of (?:yourself|everyone|my)|"
    r"i love you all|tell (?:them|my \w+) i love|i'?m sorry for everything|"
    r"won'?t (?:be (?:here|around)|talk to you) (?:again|anymore|tomorrow)|"
    r"last (?:time|message|night))\b"))

# Short, high-confidence phrases in other languages (best effort; English remains the
# supported language). Each was checked for being unambiguous first-person wording.
FOREIGN_RULES: list[Rule] = [
    Rule("xx.es", "self_harm", M,
         B + r"(?:quiero morir(?:me)?|me quiero morir|me quiero matar|quiero matarme|"
             r"voy a matarme|quiero suicidarme|me voy a suicidar|no quiero vivir m[aá]s|"
             r"pensamientos suicidas)\b"),
    Rule("xx.pt", "self_harm", M,
         B + r"(?:quero morrer|vou me matar|quero me matar|n[aã]o quero mais viver|"
             r"pensando em suic[ií]dio|vou me suicidar)\b"),
    Rule("xx.fr", "self_harm", M,
         B + r"(?:je veux mourir|j'?ai envie de mourir|je vais me tuer|je veux me tuer|"
             r"je vais me suicider|envie de me suicider|pens[ée]es suicidaires)\b"),
    Rule("xx.de", "self_harm", M,
         B + r"(?:ich will sterben|ich m[oö]chte sterben|ich will mich umbringen|"
             r"ich bringe mich um|ich bring mich um|selbstmordgedanken|suizidgedanken|"
             r"ich will nicht mehr leben)\b"),
    Rule("xx.nl", "self_harm", M,
         B + r"(?:ik wil dood|ik wil niet meer leven|ik ga mezelf van kant maken|"
             r"zelfmoordgedachten)\b"),
    Rule("xx.it", "self_harm", M,
         B + r"(?:voglio morire|voglio uccidermi|mi voglio uccidere|non voglio pi[uù] vivere)\b"),
]
