"""German (de) words for danger now (see bot/safety/__init__.py; the model is en.py).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed by
a native speaker. Matched against `normalise`d text: umlauts lose their dots (Tür -> tur,
schlägt -> schlagt) and ß becomes ss, so patterns are written that way and also allow the
ae/oe/ue spellings people type without umlauts (tuer, schlaegt).

Choices a reviewer should know:
- "Ich bin nicht sicher" means "I'm not sure", so "not safe" is only "nicht in Sicherheit"
  or "nicht sicher hier / zu Hause / vor ihm" (PRESENT); "ich fühle mich nicht sicher"
  counts only with "gerade / jetzt" (an area that feels unsafe is not danger now).
- "Hilfe" is also "help with ..." ("ich brauche Hilfe bei ..."), so it counts only as the
  whole message ("Hilfe!!", "bitte helft mir"); "rettet mich", "ruft die Polizei",
  "schickt Hilfe" and "brauche einen Krankenwagen" count anywhere.
- A knife ("Messer") counts unless it is for sale or cooking ("Messerset", "neues
  Messer", "Messer schleifen"); "hat ein Küchenmesser" (has a kitchen knife) counts.
- Violence is caught in the present ("schlägt mich", "werde angegriffen", "gerade
  geschlagen") and left out in the past ("hat mich letztes Jahr geschlagen").
- "bedroht mich" / "droht mir" count only with a weapon, death or harm ("droht mir mit
  der Kündigung" is left out); "verfolgt mich" not when a memory or a post "follows".
- Someone missing is PRESENT only for a child, a relative or a friend (not a pet, keys,
  a bike), and not when the message places it years or months ago.
- Left out on purpose: "sterbe vor Langeweile" (dying of boredom), "Akku ist tot",
  "Feuerwerk"/"Böller", "Waffe(n)" in a film or game, "Wutanfall".
"""

from __future__ import annotations

from bot.safety import both

# Someone a blow can land on.
_WEN = (r"(?:mich|uns|ihn|meine\w*|meinen|unsere\w*|jemand\w*|einen (?:mann|jungen|typ|"
        r"obdachlosen)|eine frau|ein kind|das kind|die kinder|mama|papa|meine mutter|"
        r"meinen vater)")
# A child, a relative or a friend, who can go missing.
_KIND = (r"(?:sohn|tochter|kind|kinder|kleine[rn]?|junge|m(?:a|ae)dchen|baby|mama|mutter|"
         r"papa|vater|oma|opa|gro(?:ss|s)mutter|gro(?:ss|s)vater|bruder|schwester|freundin|"
         r"freund|enkel\w*|\d+[- ]?j(?:a|ae)hrig\w*|\w+j(?:a|ae)hrig\w*)")
# Words that place a disappearance in the past.
_FRUEHER = (r"^(?![^.!?]*\b(?:letzte[sn]? (?:jahr|monat|sommer|winter)|vor (?:\w+ )?"
            r"(?:jahren|jahr|monaten|monat)|damals|fr(?:u|ue)her|einmal|f(?:u|ue)r (?:\w+ )?"
            r"tage)\b)")
_TUER = r"(?:wohnungs|haus|eingangs)?t(?:u|ue)r"
_WAFFE = (r"(?:\w*messer|waffe|pistole|gewehr|axt|beil|hammer|flasche|machete|schere|spritze|"
          r"eisenstange|baseballschl(?:a|ae)ger|kn(?:u|ue)ppel)")

# A needle or an injection (needle spiking) with feeling faint or strange now.
_NEEDLE = (r"\b(?:nadel\w*|spritze\w*|gestochen|injiziert|einstich\w*|gepikst|gepiekst|"
           r"gepiekt|stich im arm)\b")
_FAINT = (r"(?:schwindel\w*|dreht sich|benommen|(?:mir ist|fuhle mich) (?:so |"
          r"ganz )?(?:komisch|seltsam)|kann (?:nicht|kaum) (?:mehr )?(?:stehen|laufen|"
          r"gehen|sehen)|schwach|ubel|verschwommen|umkipp\w*|weggetreten|wackelig)")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # stones or bottles thrown at a home or at people, now (the present; "geworfen" is past)
    r"\b(?:werfen|wirft|schmeissen|schmeisst|schmeissen gerade)\b[^.!?]{0,30}\b(?:steine?|ziegel\w*|"
    r"pflastersteine?|flaschen|brandsatz\w*|molotow\w*)\b[^.!?]{0,30}\b(?:fenster\w*|scheibe\w*|"
    r"tur|turen|haustur|auto\w*|uns|mich)\b",
    # a weapon, or a weapon used
    r"(?<!neues )(?<!neue )(?<!welches )(?<!gutes )(?<!stumpfes )(?<!kein )(?<!keine )"
    r"(?<!das )\bmesser(?:angriff\w*|stech\w*|attack\w*)?\b(?! (?:ist stumpf|schleif\w*|"
    r"sch(?:a|ae)rf\w*|kauf\w*|"
    r"verkauf\w*|gekauft|set|block|und gabel|f(?:u|ue)r (?:brot|fleisch|gem(?:u|ue)se|die k)|"
    r"zum (?:schneiden|kochen)))",
    r"\b(?:hat|haben|hatte|mit|zieht|zog|zuckt|zuckte|h(?:a|ae)lt|hielt|fuchtelt|schwingt|"
    r"droht|bedroht\w*|nimmt|nahm|holt|holte|greift zum|griff zum|greift nach|griff nach)\s+"
    r"(?:(?:ein|einem|einen|eine|dem|den|das|sein\w*|ihr\w*|gro(?:ss|s)\w*|"
    r"riesig\w*|scharf\w*|lang\w*|nem|nen)\s+){0,2}\w*messer(?!set|block|schleif)\w*",
    r"(?<!wasser)\b(?:pistole\w*|revolver\w*|schusswaffe\w*|gewehr\w*|knarre\w*|macheten|"
    r"schlagstock\w*|schlagring\w*|springmesser\w*|klappmesser\w*|butterflymesser\w*|"
    r"baseballschl(?:a|ae)ger\w*)\b",
    r"^(?!.*\b(?:spiel\w*|film\w*|serie\w*|game\w*|gesetz\w*|laden|museum)\b)"
    r".*(?<!keine )(?<!ohne )(?<!kein )\bwaffen?\b",
    r"\bmit (?:einem|einer|dem|der|nem|ner|seinem|seiner|ihrem|ihrer) (?:hammer|eisenstange|"
    r"metallstange|brechstange|brecheisen|baseballschl(?:a|ae)ger|axt|beil|machete|"
    r"kn(?:u|ue)ppel|schlagstock)\b",
    r"\b(?:bedroh\w*|schl(?:a|ae)gt|geschlagen|angegriffen|greift|droht|wirft|bewirft|"
    r"werfen|hau\w*|pr(?:u|ue)gel\w*|kommt|kam)\b[^.!?]{0,25}\bmit (?:einem|einer|dem|der|"
    r"nem|ner|seinem|seiner|ihrem|ihrer|zerbrochenen) \w*(?:flasche|stein|stange|schere)\b",
    r"\bmit s(?:a|ae)ure\b|\bs(?:a|ae)ure(?:angriff|attacke)\w*|\bs(?:a|ae)ure (?:ins|in (?:das|"
    r"ihr|sein|mein) )gesicht",
    r"\b(?:niedergestochen|erstochen|abgestochen|angestochen|zugestochen|messerstecherei|"
    r"erschossen|angeschossen|niedergeschossen|schussverletzung\w*|schusswunde\w*)\b",
    r"\b(?:pr(?:u|ue)gel\w*|schl(?:a|ae)gt|schlagen|tritt|treten|sticht|stechen|hau\w*|"
    r"dreschen|drischt)\s+(?:\w+\s+){0,2}(?:auf (?:\w+ ){1,2}|aufeinander )ein\b",
    r"\bsticht (?:auf|zu|mich|ihn|sie|uns)\b|\bstech\w* (?:dich|euch|ihn|sie|mich) ab\b|"
    r"\b(?:abstechen|erstechen|erschie(?:ss|s)en)\b",
    r"\b(?:schie(?:ss|s)t|schie(?:ss|s)en) (?:auf|um sich|herum|rum)\b|\bwird geschossen\b|"
    r"^(?!.*\b(?:feuerwerk\w*|b(?:o|oe)ller\w*|silvester\w*|film\w*|spiel\w*)\b)"
    r".*\bsch(?:u|ue)sse\b",
    # hitting, beating, attacking someone now
    r"\b(?:schl(?:a|ae)gt|schlagen|verpr(?:u|ue)gelt|verpr(?:u|ue)geln|pr(?:u|ue)gelt|"
    r"pr(?:u|ue)geln|w(?:u|ue)rgt|w(?:u|ue)rgen|tritt|treten|boxt|haut|hauen|greift|greifen|"
    r"attackiert|attackieren|misshandelt|vergewaltigt)\s+(?:gerade\s+|grad\s+|jetzt\s+|"
    r"wieder\s+|schon wieder\s+)?" + _WEN + r"\b(?![^.!?]{0,25}\b(?:vor|nieder)\b)",
    r"\b(?:mich|uns|ihn)\s+(?:\w+\s+)?(?:schl(?:a|ae)gt|verpr(?:u|ue)gelt|w(?:u|ue)rgt|"
    r"angreift|attackiert|vergewaltigt)\b",
    r"\b(?:werde|wird|werden)\s+(?:gerade\s+|grad\s+|jetzt\s+|hier\s+)?(?:\w+\s+)?"
    r"(?:angegriffen|geschlagen|verpr(?:u|ue)gelt|zusammengeschlagen|gew(?:u|ue)rgt|"
    r"getreten|vergewaltigt|erstochen|niedergestochen|abgestochen|ausgeraubt)\b",
    r"\b(?:gerade|eben|grad|soeben)\s+(?:\w+\s+){0,3}(?:geschlagen|angegriffen|"
    r"verpr(?:u|ue)gelt|gew(?:u|ue)rgt|getreten|bedroht|niedergestochen|gestochen|"
    r"vergewaltigt|zusammengeschlagen)\b",
    r"\b(?:schl(?:a|ae)gerei|massenschl(?:a|ae)gerei)\b(?! (?:gestern|letzte|vor \w+ (?:tagen|"
    r"wochen)))",
    # threats to kill or hurt
    r"\bbring(?:e|t|en|st)?\s+(?:dich|mich|euch|uns|sie|ihn|jeden|alle|dein\w*|mein\w*|"
    r"die kinder|das kind|(?:die|den|das) \w+)\s+(?:\w+\s+){0,2}um\b(?! \d| (?:den|die|das|"
    r"meinen|meine|mein|unseren|unsere|unser|ihren|seinen|halb|viertel|mitternacht)\b)",
    r"\bum(?:zu)?bringen\b|\bumbringt\b",
    r"\bt(?:o|oe)te(?:n|t)?\s+(?:dich|mich|euch|uns|sie|ihn|alle|jeden)\b|"
    r"\b(?:dich|mich|euch|uns|ihn)\s+(?:zu\s+)?t(?:o|oe)ten\b",
    r"\bdroh\w*[\s,]+(?:\w+[\s,]+){0,4}(?:umzubringen|zu t(?:o|oe)ten|abzustechen|zu erstechen|"
    r"zu erschie(?:ss|s)en|anzuz(?:u|ue)nden|zu verbrennen|wehzutun|weh zu tun|zu schlagen|"
    r"zu verpr(?:u|ue)geln|mit dem tod|mit (?:einem|einer|dem|der) " + _WAFFE + r")",
    r"\bbedroh\w*\s+(?:mich|uns|sie|ihn|meine\w*)\s+(?:gerade|jetzt|grad|mit (?:einem|einer|"
    r"dem|der|nem|ner) " + _WAFFE + r"|mit dem tod|mit dem leben)",
    r"\b(?:morddroh\w*|todesdroh\w*)",
    r"\b(?:will|wird|werde|wollen|droht|gedroht)\s+(?:\w+\s+){0,2}(?:weh ?tun|wehzutun|"
    r"weh zu tun)\b",
    # a cry for help: the whole message, or a call for the police or an ambulance
    r"^\W*(?:(?:bitte|schnell|hallo|oh gott|gott|scheisse|schei(?:ss|s)e)\W+)*(?:hilfe|"
    r"hilf mir|helft mir|helfen sie mir|rettet mich|rette mich|retten sie mich)"
    r"(?:\W+(?:bitte|schnell|hilfe|sofort|jetzt|dringend|helft mir|hilf mir))*\W*$",
    r"^\W*(?:bitte\W+)?(?:hilfe|hilf mir|helft mir|helfen sie mir)\W+[^.!?]{0,30}?\b(?:er|sie|"
    r"jemand|der|die|mein ex|ex)\s+(?:\w+\s+)?(?:ist|sind)\s+(?:hier|da|drin|wieder da|"
    r"zur(?:u|ue)ck|im haus|in der wohnung|unten|oben)\b",
    r"\b(?:rettet|rette|retten sie)\s+(?:mich|uns)\b",
    r"\bschick(?:t|en sie)?\s+(?:\w+\s+)?hilfe\b",
    r"\bruf(?:t|en sie)?\s+(?!(?:st(?:a|ae)ndig|immer|dauernd|oft|jedes|jedesmal|nie|nicht|"
    r"wegen)\b)(?:\w+\s+){0,2}(?:die |den |einen )?(?:polizei|krankenwagen|"
    r"notarzt|rettungswagen|rtw|notruf|110|112|999)\b",
    r"\bbrauch\w*\s+(?:\w+\s+){0,2}(?:krankenwagen|notarzt|rettungswagen|(?:die )?polizei "
    r"(?:sofort|jetzt|hier))",
    r"(?<!nicht )(?<!nicht mehr )(?<!keine )(?<!kein )(?<!nie )\bin (?:lebens)?gefahr\b",
    r"(?<!keine )(?<!nicht in )\blebensgefahr\b",
    r"(?<!kein )(?<!keinen )(?<!nicht-)(?<!nicht )(?<!im )(?<!fur )(?<!fuer )\bnotfall\b",
    # someone at the door, trying to get in, or in the house
    r"\b(?:versuch\w*|probier\w*)[\s,]+(?:\w+[\s,]+){0,4}(?:reinzukommen|hereinzukommen|"
    r"einzubrechen|aufzubrechen|einzutreten|reinzukommen|rein zu kommen|reinzugehen|"
    r"aufzumachen)\b",
    r"\b(?:will|wollen)\s+(?:\w+\s+){0,3}(?:einbrechen|einzubrechen|aufbrechen|eintreten)\b",
    r"\b(?:bricht|brechen)\s+(?:gerade\s+|grad\s+|jetzt\s+)?(?:bei (?:mir|uns)\s+)?ein\b",
    r"\beinbrecher\w*\s+(?:ist |sind )?(?:im|in|unten|oben|hier|drin)\b",
    r"\bjemand (?:ist )?(?:gerade |grad |jetzt )?(?:in|im) (?:meiner|unserer|meinem|unserem|"
    r"der|dem) (?:wohnung|haus|zimmer|garten)\b",
    r"\b(?:tritt|treten|h(?:a|ae)mmert|h(?:a|ae)mmern|schl(?:a|ae)gt|schlagen|trommelt|"
    r"trommeln|rammt|w(?:u|ue)tet)\s+(?:\w+\s+){0,2}(?:gegen|an|auf) (?:die |meine |unsere )?"
    + _TUER + r"\b",
    r"\b(?:tritt|treten) (?:die|meine|unsere) " + _TUER + r" ein\b|\b" + _TUER
    + r" (?:ein(?:zu)?treten|auf(?:zu)?brechen)\b",
    r"\b(?:jemand|wer|er|sie|ex|mann|m(?:a|ae)nner|typ|typen|kerl|leute|gruppe|jungs|einer|"
    r"fremder)\b[^.!?]{0,30}?\b(?:steht|stehen|wartet|warten|lauert|lauern|ist|sind|"
    r"h(?:a|ae)mmert|klopft|klingelt|schreit)\b[^.!?]{0,20}?\bvor (?:meiner|unserer|der) "
    + _TUER + r"\b",
    r"\bvor (?:meiner|unserer|der) " + _TUER + r" (?:steht|stehen|wartet|warten|lauert|ist|sind)"
    r" (?:\w+ )?(?:jemand|er|mein|ein|der|mann|typ|kerl|leute)\b",
    r"\b(?:jemand|er|sie|ex|mann|typ|kerl|fremder)\b[^.!?]{0,30}?\b(?:wartet|lauert|lauern|"
    r"beobachtet|sp(?:a|ae)ht)\b[^.!?]{0,20}?\b(?:vor|an|unter) (?:meinem|unserem|dem|meiner|"
    r"unserer|der) (?:haus|wohnung|fenster)\b",
    r"\b(?:verstecke|versteck|verstecken)\s+(?:mich|uns)\b|\b(?:mich|uns)\s+(?:\w+\s+){0,3}"
    r"(?:versteckt|eingeschlossen|verbarrikadiert)\b",
    # followed or chased now
    r"(?<!das )(?<!es )(?<!erinnerung )\bverfolg(?:t|en)\s+(?:\w+\s+)?(?:mich|uns)\b"
    r"(?![^.!?]{0,25}(?:auf|bei|in|im) (?:insta\w*|facebook|tiktok|twitter|x|internet|netz|"
    r"online|social|traum\w*|gedanken))",
    r"\b(?:er|sie|jemand|mann|typ|kerl|ex|einer|auto|wagen|leute)\s+(?:\w+\s+)?(?:mich|uns)"
    r"\s+(?:\w+\s+)?verfolg(?:t|en)\b",
    r"\b(?:werde|werden)\s+(?:\w+\s+)?verfolgt\b",
    r"\b(?:folg(?:t|en)|l(?:a|ae)uft|laufen|rennt|rennen|f(?:a|ae)hrt|fahren)\s+"
    r"(?:mir|uns)\s+(?:\w+\s+)?(?:nach|hinterher)\b(?! hause)",
    r"\bfolg(?:t|en)\s+(?:mir|uns)\b(?![^.!?]{0,20}(?:auf|bei|in) (?:insta\w*|facebook|"
    r"tiktok|tik tok|twitter|x|youtube|online|social))",
    r"\bjag(?:t|en)\s+(?:mich|uns)\b",
    # trapped, locked in, held, kidnapped
    r"\beingesperrt\b|\b(?:h(?:a|ae)lt|halten)\s+(?:mich|uns)\s+(?:\w+\s+)?gefangen\b|"
    r"\bgefangen gehalten\b|\b(?:werde|wird|werden|mich|uns) (?:\w+ )?festgehalten\b",
    r"\bentf(?:u|ue)hr\w*|\bgeiselnahme|\bgeisel\b",
    r"\bl(?:a|ae)sst (?:mich|uns) nicht (?:mehr )?(?:raus|gehen|weg|los|aus (?:der|dem))\b"
    r"(?! (?:allein\w*|ohne))",
    r"\bkomme?n? hier nicht (?:mehr )?raus\b",
    # fire set now
    r"(?<!kein )\bfeuer\b(?! und flamme| frei)",
    r"\bes brennt\b(?! (?:mir|uns|ihm|ihr|dir) (?:auf|unter))|\bbrennt (?:es|gerade|lichterloh)\b",
    r"\b(?:haus|wohnung|m(?:u|ue)lltonne\w*|tonne|auto|t(?:u|ue)r|k(?:u|ue)che|treppenhaus|"
    r"keller|dach|garage|schuppen|hecke|zaun|geb(?:a|ae)ude|container|balkon|kinderwagen)\s+"
    r"(?:\w+\s+)?brennt\b",
    r"\bbrennt (?:das|die|der|unser\w*|mein\w*|ein\w*) (?:haus|wohnung|m(?:u|ue)ll\w*|tonne|"
    r"auto|t(?:u|ue)r|k(?:u|ue)che|treppenhaus|keller|dach|garage|schuppen|hecke|zaun|"
    r"geb(?:a|ae)ude|container|balkon)",
    r"\bin flammen\b|\bbrandstift\w*|\bbrand gelegt|\bfeuer gelegt|\bmolotow\w*",
    r"\bz(?:u|ue)nde[tn]\s+(?!(?:\w+\s+){0,2}(?:kerze\w*|zigarette\w*|kippe\w*|joint\w*|"
    r"grill\w*|kamin\w*|ofen\w*|feuerwerk\w*|b(?:o|oe)ller\w*|raketen\w*))(?:\w+\s+){0,3}an\b",
    r"(?<!kerze )(?<!kerzen )(?<!boller )(?<!boeller )(?<!zigarette )(?<!grill )"
    r"(?<!feuerwerk )(?<!raketen )\bangez(?:u|ue)ndet\b",
    r"\bbenzin (?:durch|in|(?:u|ue)ber|auf|gegen|vor)\b|\b(?:gie(?:ss|s)t|kippt|sch(?:u|ue)ttet)"
    r" (?:\w+ )?benzin",
    r"\b(?:rauch|qualm) (?:(?:u|ue)berall|im treppenhaus|in der wohnung)|\b(?:(?:u|ue)berall|"
    r"voller) (?:rauch|qualm)",
    # someone collapsed, unconscious, fitting, bleeding, overdosed
    r"\bbewusstlos\w*|\bohnm(?:a|ae)chtig\w*|\bzusammengebrochen\b|\bkollabiert\b|"
    r"\bzusammengeklappt\b|\bnicht ansprechbar\b",
    r"\b(?:sie|er|freundin|freund|kumpel|tochter|sohn|frau|mann|jemand|kind|mutter|vater|oma|"
    r"opa|bruder|schwester|kollegin|kollege|m(?:a|ae)dchen|junge)\s+(?:ist\s+)?(?:\w+\s+)?"
    r"umgekippt\b",
    r"\breagiert auf nichts\b|\breagiert (?:\w+ )?nicht (?:mehr )?auf (?:ansprache|rufen|"
    r"sch(?:u|ue)tteln|ber(?:u|ue)hrung|schmerz|mich|uns)\b|\bbewegt sich nicht (?:mehr)?\b",
    r"\bkrampfanfall\w*|\bkrampft\b|\bkrampfen\b|\bepileptisch\w* anfall|\bhat (?:einen )?"
    r"(?:krampfanfall|anfall)\b|\bzuckt (?:am ganzen k(?:o|oe)rper|unkontrolliert)",
    r"\b(?:lippen|gesicht|haut)\s+(?:\w+\s+)?(?:blau|bl(?:a|ae)ulich)\b|\bl(?:a|ae)uft blau an\b|"
    r"\bwird blau\b|\bblaue lippen\b",
    r"\b(?:ist|wird|h(?:a|ae)ngt) (?:\w+ )?schlaff\b",
    r"\bblutet (?:stark|sehr|(?:u|ue)berall|aus|am)\b|\b(?:(?:u|ue)berall|voller) blut\b|"
    r"\bverblutet\b",
    r"\b(?:u|ue)berdos\w*",
    r"\bkann (?:\w+ )?(?:nicht|kaum) (?:mehr )?(?:stehen|aufstehen|laufen|gerade stehen)\b",
    r"\bsp(?:u|ue)r(?:e|t)? (?:meine |ihre |seine )?(?:beine|arme|k(?:o|oe)rper) nicht\b",
    r"\b(?:f(?:u|ue)hle|f(?:u|ue)hl) mich (?:gerade|jetzt|grad|im moment) nicht (?:mehr )?sicher\b",
    # suicide and self-harm
    r"\bselbstmord\w*|\bsuizid\w*|\bselbstverletz\w*",
    r"(?<!nicht )\bwollte (?!nicht\b)(?:\w+ )?(?:sterben|tot sein)\b",
    r"\bbring(?:e)? mich um\b|\bmich (?:\w+ )?umbringen\b|\b(?:mir|sich) (?:\w+ )?das leben "
    r"(?:zu )?nehmen\b|\bnimmt sich das leben\b",
    r"\britze mich\b|\britzt sich\b|\bmich (?:\w+ )?(?:zu )?ritzen\b|\bverletze mich selbst\b|"
    r"\bmich selbst (?:zu )?verletzen\b",
    r"\b(?:will|m(?:o|oe)chte) (?:\w+ )?nicht mehr leben\b(?! (?:in|hier|mit|neben|so|bei|unter|"
    r"im))",
    r"\b(?:alle|eine ganze packung|die ganze packung|ganze packung|eine handvoll|haufenweise|"
    r"eine packung|mehrere packungen)\s+(?:\w+\s+)?(?:tabletten|pillen|schlaftabletten|"
    r"paracetamol|ibuprofen|medikamente)\s+(?:\w+\s+)?(?:genommen|geschluckt|eingenommen|"
    r"geschmissen)\b",
    r"\b(?:schluckt|nimmt|nehme|schlucke)\s+(?:gerade\s+)?(?:alle|eine ganze packung)\s+"
    r"(?:\w+\s+)?(?:tabletten|pillen|schlaftabletten|medikamente)\b",
    r"\b(?:tabletten|pillen)\b[^.!?]{0,20}\b(?:liegen bereit|vor mir|bereitgelegt)\b",
    r"\b(?:von (?:der|dem|einer|einem) (?:br(?:u|ue)cke|dach|hochhaus|balkon|parkhaus|"
    r"fenster|turm)|vor (?:den|einen) (?:zug|bus|lkw|u-bahn|s-bahn))\s+(?:zu\s+)?"
    r"(?:springen|spring\w*|werfen)\b",
    r"\b(?:springe|springt|spring)\s+(?:\w+\s+){0,2}(?:von|vor|aus) (?:der|dem|einer|einem|den)"
    r" (?:br(?:u|ue)cke|dach|hochhaus|balkon|parkhaus|fenster|turm|zug)\b|"
    r"\b(?:will|wollte|droht|gleich)\s+(?:\w+\s+){0,2}(?:runter|hinunter)?springen\b",
    r"\babschieds(?:brief|nachricht|sms|text)\w*",
)

PRESENT = (
    # found by the person they fled (not when told as long ago)
    _FRUEHER + r".*\b(?:hat|haben)\s+(?:mich|uns)\s+(?:(?!online\b|im\b|auf\b|bei\b|per\b)\w+\s+)?"
    r"gefunden\b",
    r"\bwei(?:ss|s) (?:jetzt,? |jetzt )?wo ich (?:gerade |jetzt )?bin\b",
    # a body in trouble now
    r"\batmet (?:\w+ )?nicht\b|\batmet kaum\b|\bkann (?:\w+ )?(?:nicht|kaum) (?:mehr )?atmen\b|"
    r"\b(?:krieg|kriege|kriegt|kriegen|bekomm|bekomme|bekommt|bekommen) (?:\w+ )?keine luft\b|"
    r"\b(?:hat )?(?:h(?:o|oe)rt|aufgeh(?:o|oe)rt) (?:auf )?zu atmen\b|\bkeine atmung\b",
    r"\bwacht (?:\w+ )?nicht (?:mehr )?auf\b|\bwird (?:\w+ )?nicht (?:mehr )?wach\b|"
    r"\bnicht wach zu (?:kriegen|bekommen)\b|\bkrieg(?:e|en)? (?:sie|ihn|es) (?:\w+ )?nicht "
    r"(?:mehr )?wach\b|\bkann (?:sie|ihn|es) (?:\w+ )?nicht (?:auf)?wecken\b",
    r"(?:k\.? ?o\.?[- ]?tropfen|was (?:\w+ )?(?:ins|in (?:mein|ihr|sein|unser)\w*) "
    r"(?:getr(?:a|ae)nk|glas|drink|bier)|gespik\w*|gespiked|spiked|untergemischt|"
    r"reingemischt|reingetan|untergejubelt|nadel\w*)[^.!?]{0,50}?\b(?:kann|k(?:o|oe)nnen)\s+"
    r"(?:\w+\s+){0,2}(?:nicht|kaum)\s+(?:mehr\s+)?(?:stehen|aufstehen|laufen|gehen|reden|"
    r"sprechen|denken|sehen|klar denken)",
    # someone missing now: a child, a relative or a friend
    _FRUEHER + r".*\b(?:mein|meine|meinen|unser|unsere|unseren)\s+(?:[\w-]+\s+){0,2}" + _KIND
    + r"\b[^.!?]{0,40}?\b(?:ist (?:\w+ ){0,3}verschwunden|wird (?:\w+ ){0,3}vermisst|(?:ist|sind) "
    r"(?:\w+ ){0,3}nicht (?:mehr )?(?:\w+ ){0,4}?(?:nach hause|heim|zur(?:u|ue)ck) ?(?:gekommen|"
    r"kommen)|"
    r"(?:ist|sind) (?:\w+ )?nicht (?:nach hause|heim) ?gekommen|ist (?:einfach |pl(?:o|oe)tzlich )?"
    r"weg(?:gelaufen)?\b|ist (?:\w+ )?abgehauen|ist ausgerissen|(?:ist|sind) (?:\w+ )?nicht "
    r"(?:zur(?:u|ue)ck|aufgetaucht))",
    r"\bfinde(?:n)?\s+(?:\w+\s+)?(?:mein|meine|meinen|unser|unsere|unseren)\s+(?:\w+\s+)?"
    + _KIND + r"\b[^.!?]{0,15}?\bnicht\b",
    r"\bkann (?:mein|meine|meinen|unser|unsere|unseren)\s+(?:\w+\s+)?" + _KIND
    + r"\b[^.!?]{0,15}?\bnicht (?:mehr )?finden\b",
    # not safe, about to jump, wanting to die, said now
    r"\b(?:ich bin|bin ich|wir sind|sind wir|bin)\s+(?:hier\s+|jetzt\s+|gerade\s+|zu ?hause\s+)*"
    r"nicht (?:mehr )?(?:in sicherheit|sicher (?:hier|zu ?hause|vor (?:ihm|ihr|ihnen|denen)))\b",
    r"(?<!nicht )\b(?:will|m(?:o|oe)chte|w(?:u|ue)rde gerne?) (?!nicht\b)(?:\w+ )?"
    r"(?:sterben|tot sein)\b",
    r"\bauf der (?:falschen|anderen) seite (?:des|vom|der) (?:gel(?:a|ae)nders?|br(?:u|ue)stung|"
    r"absperrung|zaun\w*)|\bam rand (?:des|vom) (?:dach\w*|br(?:u|ue)cke|parkhaus\w*|"
    r"hochhaus\w*)|\bauf dem gel(?:a|ae)nder der br(?:u|ue)cke",
)
