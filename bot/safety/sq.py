"""Albanian (sq) words for danger now (see bot/safety/__init__.py; the model is en.py).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed by
a native speaker. Matched against `normalise`d text: ë -> e and ç -> c, so patterns are
written without them ("thike", "me rreh", "nuk merr fryme") and also match text typed
without them. The clitic "më" (me) and the preposition "me" (with) both become "me".

Choices a reviewer should know:
- "ndihmë" is also "help with ..." ("kam nevojë për ndihmë me fqinjët"), so it counts only
  as the whole message ("ndihmë!!", "më ndihmoni ju lutem"); "më shpëtoni", "thirrni
  policinë" and "dërgoni ndihmë" count anywhere.
- "i/e sigurt" is both "safe" and "sure" ("nuk jam i sigurt" = I'm not sure), so "not
  safe" is only "nuk jam në siguri" or "nuk jam i/e sigurt këtu / në shtëpi" (PRESENT).
- "armë" (weapon) counts only in Albanian phrasing ("me armë", "ka armë", "armë zjarri"),
  since "arme/armen" are French and German words too. The knife ("thikë") counts unless it
  is for the kitchen or for sale ("thika kuzhine", "set thikash").
- Threats to kill need a future or a wish ("do të të vras", "do më vrasë", "kërcënon se
  do..."), since "më vret koka" (my head is killing me) and "më vret mërzia" are everyday.
- "më rreh" (beats me) is left out after "zemra" (my heart is beating); "sulm paniku"
  (panic attack) is left out.
- "humbi" / "ka humbur" (lost) is PRESENT only for a child or a relative and only when
  nothing is lost as an object ("djali humbi telefonin" is left out), not for pets or keys,
  and not when the message places it in the past ("vitin e kaluar", "para dy vitesh").
- Left out on purpose: "po vdes nga mërzia" (dying of boredom), "fishekzjarre"
  (fireworks), "më ndjek në Instagram".
"""

from __future__ import annotations

from bot.safety import both

# A child, a relative or a friend, who can go missing.
_FEMIJE = (r"(?:djal\w*|vajz\w*|femij\w*|cun\w*|goc\w*|nena|nene|nenen|mami|mamaja|babai|"
           r"babi|babain|gjysh\w*|motr\w*|vella\w*|shoqja|shoqen|shoku|shokun|nip\w*|mbes\w*|"
           r"i vogli|e vogla|te voglin|te voglen|\d+ vjec\w*)")
# Words that place a disappearance in the past.
_DIKUR = (r"^(?![^.!?]*\b(?:vjet|vitin e kaluar|muajin e kaluar|para (?:\w+ )?"
          r"(?:vitesh|viti|vjetesh|muajsh|muaji)|(?:\w+ )?vite me pare|dikur|ate here|"
          r"per (?:\w+ )?dite)\b)")
# "lost" with no object after it: got lost, not lost something.
_PA_SEND = r"(?= *(?:$|[.,!?;]|ne\b|n'|sot|dje|tani|para|pas|prej|nga|kur|rreth|mbreme|diku))"
_NUK_MUND = r"(?:nuk (?:mund te |po )?|s'?(?:mund te )?)"

# A needle or an injection (needle spiking) with feeling faint or strange now.
_NEEDLE = (r"\b(?:gjilpere\w*|gjilpera\w*|shiring\w*|injeksion\w*|injektu\w*|me shpoi|"
           r"me shpuan|shpuar)\b")
_FAINT = (r"(?:koka rrotull|marramendje|trullos\w*|nuk (?:mbahem|qendroj|"
          r"rri) (?:dot )?ne kembe|dobet|ndihem (?:e |i )?cudit\w*|te fiket|"
          r"me bie te fiket|me vjen keq|me perzihet)")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # stones being thrown now ("po" marks what is happening)
    r"\bpo (?:hedhin|hedh|gjuajne|gjuan|qellojne|qellon)\b[^.!?]{0,25}\b(?:gur\w*|tulla|shishe)\b",
    # a weapon, or a weapon used
    r"(?<!set )(?<!blej )(?<!bleva )(?<!shes )(?<!mpreh )(?<!dyqan )(?<!krime me )"
    r"(?<!bleva nje )(?<!blej nje )(?<!blere nje )(?<!shes nje )"
    r"(?<!krimet me )(?<!sulme me )(?<!sulmet me )(?<!incidente me )"
    r"\bthik(?:e|a|en|at|es|ash|ave)?\b(?! (?:kuzhin\w*|buke|mishi|per (?:buke|mish|perime|"
    r"kuzhine)|te reja|ne shitje|nuk pret))",
    r"(?<!krime )(?<!krimet )(?<!sulme )(?<!sulmet )(?<!incidente )(?<!set )(?<!te ri )"
    r"\b(?:me|ka|kishte|nxori|nxjerr|mban|mbante|tund|tundte|vuri)\s+(?:nje\s+)?"
    r"thik(?:e|en|a)\b(?! (?:kuzhin\w*|buke|mishi|te reja|ne shitje))",
    r"\b(?:kercen\w*|po me kercen\w*)\s+(?:me\s+)?(?:nje\s+)?thik\w*",
    r"\b(?:me|ka|kishte|mban|mbante|nxori|nxjerr|tund)\s+(?:nje\s+)?arm(?:e|en|a|et)\b|"
    r"\barm(?:e|a|et|eve) zjarri\b",
    r"\b(?:pistolet\w*|revole\w*|revolver\w*|kallashnikov\w*|sepat\w*|macet\w*|"
    r"kacavid\w*)\b",
    r"\b(?:godit\w*|godet|godasin|godi|rreh\w*|rrah\w*|sulm\w*|kercen\w*|gjuan|gjuajn\w*|"
    r"qellon|qelloi|erdhi|vjen|vijne|jane|eshte)\b[^.!?]{0,25}\bme (?:nje )?(?:shkop\w*|"
    r"hekur\w*|lopat\w*|cekic\w*|sepat\w*|shishe\w*|gur\w*|brisk\w*|acid\w*|kacavid\w*)\b",
    r"\bme acid\b|\bacid (?:ne|mbi) (?:fytyre|trup)|\bhodh\w* acid",
    r"\b(?:theri|therur|therura|therje|therjen|therrje|theren|therrur|therri)\b|"
    r"\b(?:u|po e|po me|e|do te|do ta) ther\b",
    r"^(?!.*\b(?:film\w*|serial\w*|loj\w*|lajme\w*|video\w*)\b).*(?:\bte shtena\b|"
    r"\bshtien\w*)",
    r"\bpo shtie\b|\bqell\w* me arme|\b(?:e|me|i|na) qelloi\b|"
    r"\bplagos(?:i|en|ur|ura|et)\b",
    # hitting, beating, attacking someone now
    r"(?<!zemra )(?<!zemer )\b(?:po\s+)?(?:me|na|e|i|ma)\s+(?:rreh|rrah|rrahin|godet|godasin|"
    r"godin|sulmon|sulmojne|mbyt|mbysin|shtrengon|shqelmon|shqelmojne|perplas|perplasin|"
    r"gjuan|gjuajne|qellon|terheq|dhunon|dhunojne)\b",
    r"\bpo (?:e |i |me |na )?(?:rreh|rrahin|godet|godasin|godin|sulmon|sulmojne|mbyt|mbysin|"
    r"shqelmon|grushton|dhunon|dhunojne)\b",
    r"\brrahje\b(?! zemr\w*)|\bsulm(?:on|ojne|oi|uan|uar|i)\b(?! paniku| ankthi)",
    r"\bme (?:kap|kapi|ka kapur) (?:per|nga) fyti\b|\bne fyt\b",
    # threats to kill or hurt
    r"\b(?:do|dua|duan|deshi|deshiron|kercen\w*(?: se)?)\s+(?:\w+\s+){0,2}(?:te\s+)?"
    r"(?:te|me|na|ju|e|ta|i)\s+vras\w*",
    r"\bte vras\b|\bdo (?:te )?(?:me|na|te|e) vrase\b",
    r"\bdo\s+(?:te\s+)?(?:te|me|na|ju|e|ta)\s+(?:lendo\w*|demto\w*|rrah\w*|godas\w*|ther\w*|"
    r"djeg\w*|mbys\w*)",
    r"\bkercen(?:on|oi|ojne|uan|uar|ime|im)\b[^.!?]{0,30}?\b(?:vras|vdekj|thik|arm|pistolet|"
    r"djeg|zjarr|acid|rrah|ther|lendo|demto)",
    # a cry for help: the whole message, or a call for the police or an ambulance
    r"^\W*(?:(?:ju lutem|te lutem|shpejt|o zot|zot)\W+)*(?:ndihme|ndihm|me ndihmoni|me ndihmo|"
    r"ndihmoni|ndihmo|na ndihmoni|shpetom\w*|me shpetoni|shpetoni)(?:\W+(?:ju lutem|"
    r"te lutem|shpejt|ndihme|ndihm|tani|urgjent|me ndihmoni|ndihmoni))*\W*$",
    r"^\W*(?:ju lutem\W+)?(?:ndihme|ndihm|me ndihmoni|ndihmoni)\W+[^.!?]{0,30}?\b(?:eshte|esht|"
    r"jane|hyri|u kthye|erdhi)\s+(?:prape |perseri |serish )?(?:ketu|brenda|ne shtepi|poshte|"
    r"lart)\b",
    r"\b(?:me|na) shpeto(?:ni|j)?\b|\bshpetom\w*|\bshpetona\w*",
    r"\bthirr(?:ni)?\s+(?:\w+\s+)?(?:policin\w*|polic\w*|ambulanc\w*|urgjenc\w*|112|999)",
    r"\bdergo(?:ni)?\s+(?:\w+\s+)?(?:ndihm\w*|policin\w*|ambulanc\w*)",
    r"\bnevoje per (?:nje )?ambulanc\w*|\bambulanc\w* (?:tani|urgjent|shpejt)",
    r"(?<!nuk jam )(?<!nuk jemi )(?<!nuk eshte )(?<!nuk jane )(?<!s'jam )(?<!sjam )"
    r"(?<!s'eshte )(?<!nuk )\bne rrezik\b(?! (?:zjarri|financiar\w*))|\brrezik (?:per|te) jet\w*",
    r"(?<!nuk )(?<!s')(?<!jo )\b(?:eshte|esht|kemi|kam|ka) (?:nje )?urgjenc\w*",
    # someone at the door, trying to get in, or in the house
    r"\b(?:perpiq\w*|mundoh\w*|orvat\w*)\s+(?:\w+\s+)?(?:te|me)\s+(?:hyje|hyjne|hyj|futet|"
    r"futen|fute|thyeje|thyej|thyejne|hape|hapin)\b",
    r"\b(?:hyn|hyri|hyne|hyjne|futet|futen|u fut|u futen)\s+(?:\w+\s+)?me force\b",
    r"\b(?:po\s+)?(?:thyen|thyejne|thyej|shqelm\w*|godet|godasin|perplas\w*|i bie|i bien|"
    r"qellon)\s+(?:\w+\s+)?(?:deren|deres|dere|dritaren|dritaret|xhamin|xhamat)\b",
    r"\b(?:eshte|esht|jane|qendron|qendrojne|pret|presin|rri|rrine|fshihet|pergjon)\s+"
    r"(?:\w+\s+)?(?:te dera|para deres|perpara deres|jashte deres|te dera jone|te dera ime)\b",
    r"\b(?:dikush|ai|ajo|ata|ish\w*|nje burre|nje djale|burri|djem|nje grup)\b[^.!?]{0,30}?"
    r"\b(?:pret|presin|fshihet|pergjon|pergjojne|qendron)\s+(?:\w+\s+)?(?:para|perpara|"
    r"jashte|prane|poshte) (?:shtepise|baneses|dritares|pallatit)\b",
    r"\bdikush (?:\w+ )?(?:eshte|esht|hyri|u fut) (?:\w+ )?(?:brenda|ne shtepi\w*|"
    r"ne banes\w*|ne apartament\w*)",
    r"\b(?:po\s+)?fshihem\b|\b(?:jam|jemi) fshehur\b|\bu fsheha\b|\b(?:jam|jemi) mbyllur "
    r"(?:ne|brenda)\b|\bu mbylla (?:ne|brenda)\b",
    # followed or chased now
    r"\b(?:po\s+)?(?:me|na)\s+(?:ndjek|ndjekin|ndoqi|ndiqte|ndjeku|gjuan|gjuajne|perndjek\w*)\b"
    r"(?![^.!?]{0,20}(?:ne|n') (?:insta\w*|facebook|fb|tiktok|rrjet\w*|internet))",
    r"\b(?:vjen|vijne|ecen|vrapon|vrapojne|eshte|jane)\s+pas (?:meje|nesh)\b",
    # trapped, locked in, held, kidnapped
    r"\b(?:me|na|e|i)\s+(?:ka\s+|kane\s+)?mbyll(?:i|en|ur)?\s+(?:\w+\s+)?(?:ne|brenda)\b",
    r"\bnuk (?:me|na) le(?:ne)? te (?:dal|dalim|iki|ikim|largohem|largohemi)\b(?! (?:vetem|"
    r"vete|me shoqe|me shoke|pa te|jashte naten))",
    r"\brrembye\w*|\brrembeu|\brrembyen|\brrembim\w*|\b(?:me|na) mban (?:peng|me force|te "
    r"mbyllur|mbyllur|brenda)|\b(?:mbajtur|marre) peng\b",
    # fire set now
    r"\b(?:vu|vuri|vune|vene|ven|vendosi)\s+(?:\w+\s+)?zjarr\w*|\bmori zjarr|\bkap\w* zjarr|"
    r"\bka (?:rene|marre) zjarr|\bne flake\b|\bpo digjet\b|\bdigjet (?:shtepia|pallati|makina|"
    r"dera|banesa|kuzhina|koshi)|\bzjarr (?:ne|te|tek)\b",
    r"\bbenzin\w* (?:ne|neper|mbi|nga|te) (?:dere|deren|shtepi|dritare|kuti)|"
    r"\bhedh\w* benzin\w*|\bmolotov\w*|\btym (?:kudo|gjithandej)",
    # someone collapsed, unconscious, fitting, bleeding, overdosed
    r"\bpa ndjenja\b|\bhumb\w* ndjenjat\b|\bhumb\w* vetedij\w*|\bra perdhe\b|\bu rrezua\b|"
    r"\bu shemb\b|\bi ra te fiket|\bu fikt\b",
    r"\bnuk reagon (?:fare|ndaj asgje\w*|kur)\b|\bnuk (?:po )?leviz fare\b|\bshtrire pa levizur",
    r"\bkonvulsion\w*|\bkriz\w* (?:epilept\w*|epilepsie)|\bdridhet (?:e gjitha|i gjithi|"
    r"gjithe trupi)",
    r"\bpo (?:nxihet|behet blu|mavijoset)|\bbuzet (?:\w+ )?(?:blu|te nxira|mavi)|"
    r"\bu be blu\b",
    r"\bmbidoz\w*",
    r"\bpo gjakos\w*|\bgjakos\w* shume|\bgjak (?:kudo|gjithandej)|\brrjedh gjak",
    r"\b" + _NUK_MUND + r"(?:qendro\w*|mbahe\w*|rri) (?:dot )?ne kembe|\bnuk (?:ec|eci|ecen|"
    r"ecin) dot\b|\bnuk mund te ec\w*|\bnuk (?:i )?(?:ndiej|ndjej|ndjen) kembet",
    # suicide and self-harm
    r"\bvetevras\w*|\bvetevrit\w*|\bdesha (?:te |t')?vdes\b",
    r"\b(?:vras|vrase|vret|vrau|vrasin) (?:veten|vetveten)\b",
    r"\b(?:lendoj|lendon|lendoje|demtoj|demton|pres|pret) (?:veten|vetveten)\b",
    r"\bt'?i jap fund (?:jetes|vetes)|\bjap fund jetes",
    r"\bhidhem (?:nga|prej|poshte|nen)\b|\b(?:do|dua|deshiron|kercenon)\s+(?:te\s+)?"
    r"(?:hidhet|hidhem) (?:nga|prej|poshte|nen)\b",
    r"\bnuk dua (?:me |ma )?te jetoj\b(?! (?:me |ma )?(?:ketu|ne|n'|prane|afer|pas|ku|kete|"
    r"me (?:te|ate|ta|ty|burr\w*|ish\w*|prind\w*|fqinj\w*|kete|ket)))",
    r"\b(?:piu|mori|gelltiti|perpiu|kam pire|kam marre|ka pire|ka marre|pive|mora|piva|"
    r"gelltita|perpiva|i piva|i mora)\s+"
    r"(?:\w+\s+){0,2}(?:te gjitha|gjithe|nje kuti|nje grusht|shume|nje pako)\s+(?:\w+\s+)?"
    r"(?:hape\w*|tablet\w*|ilac\w*|barna\w*|paracetamol\w*|pilul\w*)",
    r"\b(?:me|na) (?:ka )?(?:shkru\w*|dergu\w*)\s+(?:\w+\s+){0,2}lamtumir\w*|"
    r"\b(?:mesazh|leter) (?:\w+ )?lamtumir\w*",
)

PRESENT = (
    # found by the person they fled (not when told as long ago)
    _DIKUR + r".*\b(?:me|na) (?:ka |kane )?gjet(?:i|en|ur)\b(?! (?:nje|pune|vend|banes\w*|shtepi|"
    r"dicka|ca|per|ne (?:facebook|insta\w*|internet|rrjet\w*)))",
    # a body in trouble now
    r"\bnuk (?:po )?(?:merr|mer|marr|mar)\s+(?:dot\s+)?(?:me\s+|ma\s+)?fryme\b|\bnuk (?:mund|munt) te "
    r"(?:marr|marre|mar|merr)\w* fryme\b|\bs'?(?:merr|marr) (?:dot )?fryme\b|"
    r"\bndaloi (?:se |te )?(?:marr\w*|merr\w*) fryme|\bmezi (?:merr|marr) fryme",
    r"\bnuk (?:po )?zgjohet\b|\bs'?zgjohet\b|\bnuk (?:mund|munt) (?:ta|te|t'a|t'i) zgjoj\w*|"
    r"\bnuk (?:e|i) zgjoj dot\b",
    r"(?:(?:hodh|hedh|vun|vene|fut|qit)\w* (?:\w+ ){0,2}(?:ne|n') (?:pije|gote|birre)|drogu\w*|"
    r"drog\w* ne pije|spiked|me gjilpere)[^.!?]{0,50}?\b" + _NUK_MUND + r"(?:qendroj|qendron|"
    r"qendrojme|mbahem|mbahet|ec|eci|ecen|flas|flet|shoh|sheh|levize?|levizim)\b",
    # someone missing now: a child, a relative or a friend
    _DIKUR + r".*\b" + _FEMIJE + r"\b[^.!?]{0,40}?\b(?:(?:ka humbur|humbi)\b" + _PA_SEND
    + r"|u zhduk\w*|eshte zhdukur|nuk (?:\w+ )?(?:eshte|ka) (?:\w+ )?(?:kthyer|ardhur)|"
    r"nuk (?:\w+ )?(?:erdhi|u kthye)|s'?(?:ka|eshte) (?:kthyer|ardhur)|s'?erdhi)",
    _DIKUR + r".*\b(?:ka humbur|humbi|u zhduk|eshte zhdukur)\s+(?:\w+\s+)?" + _FEMIJE
    + r"\b",
    r"\b(?:nuk|s'?) (?:e |i )?gjej (?:dot )?(?:\w+ )?" + _FEMIJE + r"\b",
    r"\b" + _FEMIJE + r"\b[^.!?]{0,20}(?:nuk|s'?) (?:e |i )?gjej\b",
    # not safe, about to jump, wanting to die, said now
    r"\bnuk (?:jam|jemi) ne siguri\b|\bnuk (?:jam|jemi) (?:i |e |te )?sigurt (?:ketu|ne shtepi|"
    r"brenda|me te|prane tij)\b",
    r"\b(?:dua|deshiroj) (?:te |t')?vdes\b",
    r"\bne anen tjeter te (?:parmak\w*|kangjell\w*|gardh\w*|ures)|\bne buze te (?:ures|"
    r"catise|pallatit|ballkonit|shkembit)",
)
