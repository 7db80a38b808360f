"""Romanian (ro) words for danger now (see bot/safety/__init__.py; the model is en.py).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed by
a native speaker. Matched against `normalise`d text: ă â -> a, î -> i, ș ş -> s, ț ţ -> t,
so patterns are written without diacritics ("cutit", "ma bate", "nu respira") and also
match text typed without them.

Choices a reviewer should know:
- "ajutor" is also "help with ..." ("am nevoie de ajutor cu vecinii"), so it counts only as
  the whole message ("ajutor!!", "ajutati-ma va rog"); "salvati-ma", "sunati la politie",
  "chemati ambulanta" and "trimiteti ajutor" count anywhere.
- A knife ("cutit") counts unless it is for cooking or sale ("set de cutite de
  bucatarie", "cutit de paine"); "are un cutit de bucatarie" (has a kitchen knife) counts.
  "arma" (weapon) counts only in Romanian phrasing ("cu o arma", "are arma", "arma de
  foc"), since "arma" is also Spanish, Italian and Portuguese.
- Violence is caught with the present clitic forms ("ma bate", "il loveste", "ne ataca")
  and left out in the past ("m-a lovit anul trecut"). "ma omoara" (kills me) is left out
  when boredom, pain, heat or work is the subject ("ma omoara plictiseala").
- "inconstient" is also "reckless" (a reckless driver), so it counts only in "e / a cazut
  / zace inconstient"; "nu reactioneaza" only with "la nimic / deloc" (the police "nu
  reactioneaza" is a complaint).
- "nu sunt in siguranta" is PRESENT only said of oneself ("eu nu sunt", at the start, or
  with "aici / acasa / acum"); "nu ma simt in siguranta" (an area) is left out.
- Someone missing is PRESENT only for a child, a relative or a friend, not for pets or
  things, and not when the message places it in the past ("anul trecut", "acum doi ani").
- Left out on purpose: "mor de plictiseala" (dying of boredom), "foc de artificii"
  (fireworks), "ma urmareste pe Instagram", "ma omor dupa" (I love).
"""

from __future__ import annotations

from bot.safety import both

# A child, a relative or a friend, who can go missing.
_COPIL = (r"(?:fiul|fiu|fiica|fiului|fiicei|baiat\w*|baiet\w*|fata|fetita|fetit\w*|copil\w*|"
          r"mama|mamei|tata|tatal|tatei|bunic\w*|sora|sorei|frate\w*|prieten\w*|nepot\w*|"
          r"micut\w*|cel mic|cea mica|\d+ (?:de )?ani)")
# Words that place a disappearance in the past.
_DEMULT = (r"^(?![^.!?]*\b(?:anul trecut|luna trecuta|acum (?:\w+ )?"
           r"(?:ani|an|luni|luna)|odata|candva|atunci|pe vremea|timp de (?:\w+ )?zile)\b)")
# A film, a series, a game or the news: what happens there is not danger now.
_NU_FILM = (r"^(?!.*\b(?:film|filmul|filme|filmului|serial\w*|jocul|joc video|jocuri|"
            r"documentar\w*|stiri|stirile|la tv|la televizor|carte|cartea)\b)")
# Clitics for whom a blow lands on: me, you, him, her, us, them.
_PE_CINE = r"(?:ma|te|il|o|ne|va|ii|-ma|-l|-o)"

# A needle or an injection (needle spiking) with feeling faint or strange now.
_NEEDLE = (r"\b(?:ac|acul|ace|seringa|seringi|seringile|intepat\w*|intepatur\w*|intepa\w*|"
           r"injectat\w*|injecti\w*)\b")
_FAINT = (r"(?:amet\w*|imi vine rau|mi-e rau|mi e rau|se invarte|ma invart\w*|"
          r"nu (?:ma )?pot tine|nu pot sta|slab\w*|ma simt ciudat|confuz\w*|lesin\w*|"
          r"nu (?:mai )?vad bine|greata)")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # a weapon, or a weapon used
    r"(?<!set de )(?<!seturi de )(?<!cumparat )(?<!vand )(?<!ascut )(?<!ascutit )"
    r"(?<!atacuri cu )(?<!atacurile cu )(?<!crime cu )(?<!infractiuni cu )(?<!incidente cu )"
    r"\bcutit(?:e|ul|ului|ele|elor|a)?\b(?! (?:de bucatarie|de paine|de carne|de legume|"
    r"pentru (?:paine|carne|bucatarie|legume)|nou|noi|de vanzare|bun\b|nu (?:mai )?taie))",
    r"(?<!atacuri )(?<!atacurile )(?<!crime )(?<!infractiuni )(?<!incidente )"
    r"\b(?:are|avea|avem|a scos|scoate|scos|cu|tine|ameninta\w*|amenintat|flutura\w*|a luat|"
    r"ia)\s+(?:un\s+|o\s+|niste\s+)?(?:\w+\s+)?cutit\w*",
    r"(?<!cumparat un )(?<!cumparat )(?<!vand un )(?<!vand )"
    r"\b(?:briceag\w*|macet\w*|pistol(?:ul|ului|ale|ul)?|revolver\w*|pusca|pusti|pustii|"
    r"pusca\w*|topor\w*|satar\w*)\b(?! (?:cu apa|de apa|de lipit|de jucarie))",
    r"\b(?:cu|are|avea|scos|scoate|a scos)\s+(?:o\s+|un\s+)?(?:arma|arme)\b|\barm(?:a|e|ele|ele) "
    r"(?:alba|albe|de foc)\b",
    r"\b(?:loveste|lovesc|lovit|ataca\w*|bate|bat|ameninta\w*|arunca\w*|sparge|sparg|vine|vin|"
    r"a venit|au venit|fugareste|alearga)\b[^.!?]{0,25}\bcu (?:o |un |niste )?(?:bat[ae]|"
    r"bit[ae]|ranga|ciocan\w*|bar[ae] de fier|sticl\w*|piatr\w*|pietre|caramid\w*|topor\w*|"
    r"acid)\b",
    r"\bcu acid\b|\bacid (?:pe|in) (?:fata|ochi)|\barunca\w* (?:cu )?acid",
    _NU_FILM + r".*(?:\binjunghi\w*|\bjunghiat\w*|\bimpusc\w*|\bfocuri de arma\b)",
    r"\btrage\w* (?:cu (?:arma|"
    r"pistolul|pusca)|in (?:noi|mine|oameni|el|ea|lume))",
    # hitting, beating, attacking someone now
    r"\b" + _PE_CINE + r"\s+(?:tot\s+|iar\s+|acum\s+)?(?:bate|bat|bata|loveste|lovesc|loveasca|"
    r"ataca|atace|agreseaza|strange de gat|strang de gat|sugruma|sufoca|trage de par|"
    r"tarasc\w*|snopeste|snopesc|pocneste|ciomageste|plesneste|calca in picioare|"
    r"violeaza|violeze)\b(?! la (?:table|sah|carti|fotbal|tenis|joc\w*|ping))",
    r"\b(?:bate|bat|loveste|lovesc|ataca|agreseaza)\s+pe\s+(?!umar|spate|toba|masa|"
    r"tastatura)\w+",
    r"\b(?:e|este|a inceput|s-a iscat|s-a pornit)\s+(?:o\s+)?bataie\b(?! de joc)|"
    r"\bse bat (?:in|pe|la|afara|acum|cu)\b",
    r"\bsunt (?:batut\w*|atacat\w*|agresat\w*) (?:acum|chiar acum|in (?:momentul|clipa))",
    # threats to kill or hurt
    r"(?<!nu )\b" + _PE_CINE + r"\s+(?:\w+\s+)?(?:omor|omoara|omoare|omori|omoram|ucid|ucide|"
    r"ucida|injunghii|injunghie|impusc|impusca|termin)\b(?! (?:dupa|plictiseal\w*|durere\w*|"
    r"caldur\w*|frig\w*|munc\w*|ras\w*|dor\w*|foame\w*|somn\w*|nervi\w*|asteptare\w*|"
    r"stres\w*|zgomot\w*|gandul|oboseal\w*|curiozitat\w*)\b)",
    r"\bamenint\w*\s+(?:\w+\s+){0,2}(?:cu (?:moartea|cutitul|cutit|arma|pistolul|toporul|"
    r"bataia|acid|foc)|ca (?:ma|te|o|il|ne|va) (?:omoara|omoare|ucide|bate|bata|injunghie|"
    r"taie|arde|da foc))",
    r"\b(?:sa|o sa|va)(?:\s+|-)(?:mi|ti|i|ne|va|imi|iti|ii)\s+(?:fac|faca|face) rau\b",
    # a cry for help: the whole message, or a call for the police or an ambulance
    r"^\W*(?:(?:va rog|te rog|repede|doamne|dumnezeule|ajutor)\W+)*(?:ajutor|ajutati-?\s?ma|"
    r"ajuta-?\s?ma|ajutati-?\s?ne|salvati-?\s?ma|salveaza-?\s?ma)(?:\W+(?:va rog|"
    r"te rog|repede|ajutor|acum|urgent|ajutati-?\s?ma))*\W*$",
    r"^\W*(?:va rog\W+)?(?:ajutor|ajutati-?\s?ma|ajuta-?\s?ma)\W+[^.!?]{0,30}?\b(?:e|este|"
    r"sunt|a intrat|s-a intors|a venit)\s+(?:iar |din nou )?(?:aici|in casa|inauntru|jos|sus|"
    r"inapoi)\b",
    r"\bsalva(?:ti)?-?\s?(?:ma|ne)\b|\bsalveaza-?\s?(?:ma|ne)\b",
    r"(?<!sa )(?<!nu )(?<!o sa )\bsuna(?:ti)?\s+"
    r"(?:(?!mereu|des|tot|intotdeauna|degeaba|zilnic)\w+\s+)?(?:la|pe)\s+(?:politie|politia|112|"
    r"999|ambulanta|salvare)\b",
    r"(?<!sa )(?<!nu )\bche(?:ma|mati|ama)\s+(?:\w+\s+)?(?:politia|ambulanta|salvarea|"
    r"pompierii)\b",
    r"\btrimite(?:ti)?\s+(?:\w+\s+)?(?:ajutor|politia|ambulanta|pe cineva)\b",
    r"\bnevoie de (?:o )?(?:ambulanta|salvare|politie (?:acum|urgent|aici))",
    r"(?<!nu )(?<!nu sunt )(?<!nu suntem )(?<!nu mai sunt )(?<!nu e )(?<!nu este )"
    r"(?<!nu mai e )(?<!nu mai este )(?<!n-am fost )(?<!nu am fost )\bin pericol\b",
    r"(?<!nu )\b(?:e|este)\s+(?:o\s+)?urgenta\b",
    # someone at the door, trying to get in, or in the house
    r"\bincearca\w*\s+(?:\w+\s+)?sa\s+(?:intre|intrie|sparga|forteze|deschida usa|ne sparga|"
    r"ma prinda|patrunda)\b",
    r"\b(?:vrea|vor)\s+sa\s+(?:sparga|forteze)\s+usa\b",
    r"\b(?:sparge|sparg|forteaza|izbeste|izbesc|loveste|lovesc|trage de|da cu piciorul in|"
    r"dau cu picioarele in|bate tare in|bat tare in|bate in|bat in)\s+(?:\w+\s+)?"
    r"(?:usa|usile|geamul|geamurile|fereastra|ferestrele|clanta)\b",
    r"\b(?:e|este|sta|stau|asteapta|sunt|pandeste|pandesc)\s+(?:\w+\s+)?(?:la usa|in fata "
    r"usii|afara la usa|la usa mea|la usa noastra)\b",
    r"\b(?:cineva|el|ea|ei|fostul|fosta|sotul|un barbat|un tip|tipul|o gasca|un grup|"
    r"barbati)\b[^.!?]{0,30}?\b(?:asteapta|pandeste|pandesc|se ascunde)\s+(?:\w+\s+)?"
    r"(?:in fata casei|la poarta|in fata blocului|sub geam|la geam|la fereastra)\b",
    r"\b(?:e|este|sunt)\s+cineva\s+(?:\w+\s+)?(?:in casa|in apartament|inauntru)|"
    r"\bcineva (?:e|este) (?:\w+ )?(?:in casa|in apartament|inauntru)\b|"
    r"\b(?:sunt|e|este) (?:un )?hot\w* (?:in casa|in apartament|inauntru)",
    r"\b(?:ma|ne) ascund\w*\b|\b(?:m-am|ne-am) ascuns\b|\b(?:m-am|ne-am) (?:incuiat|"
    r"baricadat|inchis) (?:in|inauntru)\b",
    # followed or chased now
    r"(?<!gandul )(?<!amintirea )(?<!trecutul )\b(?:ma|ne)\s+(?:\w+\s+)?(?:urmareste|urmaresc|"
    r"fugareste|fugaresc|vaneaza|pandeste|pandesc)\b(?![^.!?]{0,25}(?:pe (?:insta\w*|"
    r"facebook|fb|tiktok|net|internet|retele|youtube|twitter)|online|serial|film))",
    r"\b(?:fuge|fug|alearga|merge|merg|umbla|se tine|se tin)\s+(?:\w+\s+)?dupa (?:mine|noi)\b",
    r"\bsunt urmarit\w*|\bsuntem urmarit\w*",
    # trapped, locked in, held, kidnapped
    r"\b(?:m-a|ne-a|m-au|ne-au|o|il|ma|ne)(?:\s+|-)?(?:incuiat\w*|incuie|inchis\w*|"
    r"sechestrat\w*|sechestreaza)\s+(?:\w+\s+)?(?:in|inauntru)\b",
    r"\b(?:ma|ne) tine (?:\w+ )?(?:inchis\w*|incuiat\w*|cu forta|legat\w*|captiv\w*)",
    r"\b(?:sunt|suntem)\s+(?:\w+\s+)?(?:inchis\w*|incuiat\w*|blocat\w*)\s+in\s+(?:pivnita|"
    r"camera|baie|casa|dormitor|portbagaj|masina|debara|apartament)\b",
    r"\bsechestr\w*|\brapit(?:a|i|e)?\b|\brapesc\b|\brapeste\b",
    _NU_FILM + r".*(?:\brapire\w*|\bostatic\w*)",
    r"\bnu (?:ma|ne) (?:mai )?lasa sa (?:plec|plecam|ies|iesim)\b(?! (?:singur\w*|cu |fara |"
    r"la |in oras|in club|noaptea|seara))",
    # fire set now
    r"\b(?:dat|da|dau|puna|pune|pus|dea|dam|pun)\s+foc\b(?! de artificii)|\bia foc\b|\b(?:a|au) luat foc\b|"
    r"\bin flacari\b|\bincendi(?:at|ata|ez|eaza|ere)\b|(?<!de )\bincendiu\w*",
    r"\barde (?:casa|blocul|apartamentul|masina|usa|bucataria|scara|tot|ceva|ghena|pubela|"
    r"gunoiul)\b|\be foc\b(?! de artificii)|\bfoc (?:in|la) (?:casa|bloc|scara|apartament|"
    r"bucatarie)",
    r"\b(?:toarna|torn\w*|varsa)\s+(?:\w+\s+)?benzina|\bbenzina (?:pe|prin|in|sub) (?:usa|"
    r"cutia|geam|casa|noi)|\bfum (?:peste tot|gros)|\bmolotov\w*",
    # someone collapsed, unconscious, fitting, bleeding, overdosed
    r"\b(?:e|este|a cazut|zace|sta|pare|a ramas|ramane|e complet)\s+(?:\w+\s+)?"
    r"inconstient\w*",
    r"\bpierdut (?:cunostinta|constiinta)|\bpierde (?:cunostinta|constiinta)|\bfara "
    r"cunostinta\b|\blesin\w*|\bs-a prabusit\b|\bzace\b|\bnu (?:mai )?se misca\b",
    r"\bnu (?:mai )?reactioneaza (?:la nimic|deloc|cand|la (?:voce|atingere|nimeni))\b",
    r"\bconvulsi\w*|\bcriz\w* (?:de )?epilep\w*|\btremura din tot corpul",
    r"\bse (?:face|invineteste) (?:vanat|vinet|albastr)\w*|\binvinet\w*|\bbuzele (?:\w+ )?"
    r"(?:vinete|albastre)",
    r"\bsupradoz\w*",
    r"\bsangereaza (?:tare|mult|rau|abundent)|\bsange peste tot|\bplin de sange|"
    r"\bplina de sange",
    r"\bnu (?:mai )?(?:pot|poate|putem) (?:sa )?(?:stau|stea|sta|ma tin|se tina|se tine)\s+"
    r"(?:\w+\s+)?(?:in|pe) picioare\b",
    r"\bnu(?:-| )(?:mai )?(?:mi|imi|si|isi|ii|i) (?:mai )?simt (?:picioarele|corpul|mainile)\b",
    # suicide and self-harm
    r"\bsinucid\w*|\bsinucig\w*|\b(?:voiam|vroiam|vroia|voia) sa (?:mor|moara)\b",
    r"\bma omor\b(?! dupa)|\bsa ma omor\b|\bsa se omoare\b|\bsa-?mi iau viata|"
    r"\bsa-?si ia viata|\bimi iau viata|\bisi ia viata|\bpun capat (?:zilelor|vietii)|"
    r"\bsa-?mi pun capat",
    r"\bsar de pe\b|\bsa sar (?:de pe|de la|in fata|sub)\b|\b(?:vrea|sta|o) sa sara\b|"
    r"\bameninta ca sare\b",
    r"\b(?:ma|se) tai\w* pe (?:maini|brate|incheieturi|picioare)|\bma autoranesc|"
    r"\bautomutil\w*|\bautovatam\w*|\b(?:imi|isi) fac\w* rau singur\w*",
    r"\bnu (?:mai )?(?:vreau|vrea) sa (?:mai )?(?:traiesc|traiasca)\b(?! (?:aici|in|cu|langa|"
    r"asa|alaturi|acolo|intr))",
    r"\b(?:a luat|am luat|a inghitit|am inghitit|a baut|am baut|inghite|ia)\s+(?:\w+\s+)?"
    r"(?:toate|o cutie|un pumn|multe|o folie|o mana|o gramada|un flacon|toata cutia)\s+"
    r"(?:de\s+)?(?:\w+\s+)?(?:pastil\w*|tablet\w*|medicament\w*|somnifer\w*|paracetamol\w*|"
    r"antidepresiv\w*|calmant\w*)",
    r"\b(?:mesaj|scrisoare|bilet) de (?:adio|ramas bun)|\bmi-?a (?:scris|trimis) (?:\w+ ){0,2}"
    r"adio\b",
)

PRESENT = (
    # found by the person they fled (not when told as long ago)
    _DEMULT + r".*\b(?:m-a|ne-a|m-au|ne-au) gasit\b(?! (?:pe (?:facebook|net|internet|insta\w*|fb)|"
    r"online))",
    # a body in trouble now
    r"\bnu (?:mai )?respira\b|\bnu (?:mai )?(?:pot|poate|putem|poti) (?:sa )?respir(?:a|e)?\b|"
    r"\babia (?:mai )?respira\b|\ba (?:incetat|stop\w*) sa (?:mai )?respire",
    r"\bnu (?:se )?(?:mai )?(?:se )?trezeste\b",
    r"\bnu(?:-l|-o| o| il| ii)? (?:mai )?(?:pot|putem|poate|reusesc|reusim) (?:sa )?(?:o |il |ii |"
    r"-l )?trez\w*",
    r"(?:(?:pus|pune|puse|bagat|turnat|strecurat)\w* (?:\w+ ){0,2}in (?:bautur\w*|pahar\w*|"
    r"suc\w*|bere)|drogat\w*|spiked|ac\b|seringa)[^.!?]{0,50}?\bnu (?:mai )?(?:pot|poate|"
    r"putem|reusesc|reuseste) (?:sa )?(?:stau|stea|sta|ma tin|se tina|se tine|merg|mearga|"
    r"vorbesc|vorbeasca|ma misc|se miste|gandesc|gandeasca|vad|vada|ma ridic|se ridice)",
    # someone missing now: a child, a relative or a friend
    _DEMULT + r".*\b" + _COPIL + r"\b[^.!?]{0,40}?\b(?:a disparut|au disparut|e disparut\w*|"
    r"este disparut\w*|s-a pierdut|s-au pierdut|nu (?:a|au|s-a|s-au)?\s*(?:mai )?(?:venit|"
    r"ajuns|intors|revenit) acasa|n-a (?:mai )?(?:venit|ajuns) acasa|nu (?:-l|-o|il|o) "
    r"(?:mai )?(?:gasesc|gasim|gaseste))",
    _DEMULT + r".*\b(?:a disparut|au disparut|s-a pierdut|nu (?:a|au) (?:mai )?(?:venit|"
    r"ajuns) acasa)\s+(?:\w+\s+)?" + _COPIL + r"\b",
    r"\bnu-?\s?(?:mi|ne) (?:mai )?gases\w* " + _COPIL + r"\b",
    r"\bnu (?:mai )?(?:gasesc|gasim|gaseste) (?:pe )?" + _COPIL + r"\b",
    # not safe, about to jump, wanting to die, said now
    r"\b(?:eu |ca |si |dar )?nu (?:mai )?sunt in siguranta (?:aici|acasa|acum|cu el|cu ea|"
    r"langa el)\b|^\W*nu (?:mai )?sunt in siguranta|\bnu (?:mai )?suntem in siguranta|"
    r"\b(?:eu|ca|dar) nu (?:mai )?sunt in siguranta",
    r"\b(?:vreau|vrea|vrem) sa (?:mor|moara|murim)\b(?! de (?:rusine|"
    r"ras|plictiseala|foame|somn))",
    r"\bpe marginea (?:podului|acoperisului|blocului|balconului|geamului|pervazului|stancii)|"
    r"\bde cealalta parte a (?:balustradei|parapetului|gardului)|\bdincolo de (?:balustrada|"
    r"parapet)",
)
