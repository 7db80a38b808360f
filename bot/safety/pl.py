"""Polish (pl) words for danger now (see bot/safety/__init__.py; the model is en.py).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed by
a native speaker. Matched against `normalise`d text, so every pattern is written without
diacritics (noz for noz/nóż, l for ł, z for ż/ź) and also matches text typed without them.

Choices a reviewer should know:
- Polish marks tense in the verb, so violence is caught in the present ("bije mnie",
  "atakuje", "goni mnie") and left out in the past ("pobil mnie w zeszlym roku"); a
  threat to kill is caught in any form ("zabije cie", "grozil, ze mnie zabije") and the
  model may overrule it.
- "pomocy" is also "help with ..." ("potrzebuje pomocy z halasem"), so it counts only as
  the whole message (with "prosze", "szybko", "ratunku"...). "ratunku", "ratujcie mnie"
  and a call for the police or an ambulance in the imperative count anywhere.
- A knife ("noz", "nozem") counts unless it is for cooking or sale ("zestaw nozy",
  "noze kuchenne", "noz do chleba"), but "ma noz kuchenny" (has a kitchen knife) does.
  The Portuguese "noz" (walnut, "noz-moscada") is left out.
- "nie jestem bezpieczna" is PRESENT; "nie czuje sie bezpiecznie" (I don't feel safe,
  often about an area) is left out on purpose.
- Someone missing is PRESENT only for a child, a relative or a friend ("corka zaginela",
  "syn nie wrocil do domu", "nie moge znalezc corki"), not for pets, keys or a phone, and
  not when the message places it in the past ("rok temu", "w zeszlym roku").
- Left out: "umieram" (also "umieram z nudow", dying of boredom), "pali" alone (also
  smoking), "strzela" with fireworks or goals, "sledzi mnie na Facebooku".
"""

from __future__ import annotations

from bot.safety import both

# Someone a blow can land on: me, us, him, her, my..., a child, a relative.
_KOGO = (r"(?:mnie|nas|cie|ciebie|go|ja|jego|ich|moj\w*|nasz\w*|syn\w*|cork\w*|dzieck\w*|"
         r"dzieci|mam[aey]|mamie|tat[aey]|brat\w*|siostr\w*|kogos|ludzi|chlopak\w*|dziewczyn\w*|"
         r"kolez\w*|koleg\w*|zon[aey]|mez\w*|sasiad\w*|jakiegos|jakas|facet\w*|kobiet\w*|"
         r"mezczyzn\w*|starsz\w*)")
# A child, a relative or a friend (nominative, genitive, accusative), who can go missing.
_BLISCY = (r"(?:syn|syna|synek|synka|synus\w*|corka|corki|corke|coreczk\w*|dziecko|dziecka|"
           r"dzieci|dzieciak\w*|maly|mala|malego|mala|malutk\w*|mama|mamy|mame|mamusi\w*|matka|"
           r"matki|tata|taty|tate|tatus\w*|ojciec|ojca|babcia|babci|babcie|dziadek|dziadka|"
           r"brat|brata|braciszek|braciszka|siostra|siostry|siostre|siostrzyczk\w*|wnuk\w*|"
           r"wnucz\w*|przyjaciel\w*|przyjaciolk\w*|kolezank\w*|kolega|kolegi|kumpel\w*|"
           r"\d+[- ]?(?:letni\w*|latek|latka|latk\w*))")
# Words that place a disappearance in the past ("a year ago", "last year", "back then").
_DAWNO = (r"^(?![^.!?]*\b(?:(?:rok|roku|lat|lata|miesiac\w*|miesiecy) temu|(?:zeszl|ubiegl)\w* "
          r"(?:rok\w*|miesiac\w*|lat\w*|zim\w*)|kiedys|wtedy|w tamtym|przez (?:\w+ )?"
          r"(?:dni|dzien|tygodni\w*)|na (?:\w+ )?(?:dni|dzien))\b)")
_NIE_MOGE = r"nie ?(?:moge|moze|mozemy|jest w stanie|potrafi|da rady|umie)"

# A needle or an injection (needle spiking) with feeling faint or strange now.
_NEEDLE = (r"\b(?:igl[aeyoa]\w*|igle|strzykawk\w*|uklu\w*|wklu\w*|wstrzykn\w*|zastrzyk\w*|"
           r"dziabn\w*|uklucie\w*)")
_FAINT = (r"(?:kreci mi sie|kreci sie|zawrot\w*|slabo mi|slabn\w*|dziwnie sie czuje|"
          r"czuje sie dziwnie|odplywam|mdli|nie moge (?:ustac|stac|chodzic|isc)|nogi mi|"
          r"otumanion\w*|zamroczon\w*|film mi sie urywa|trace przytomnosc)")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # a weapon, or a weapon used
    r"(?<!de )(?<!nowy )(?<!nowe )(?<!zestaw )(?<!ostrze )(?<!sprzedam )(?<!kupie )"
    r"(?<!kupilem )(?<!kupilam )(?<!kupil )(?<!kupila )"
    r"(?<!przestepstw z )(?<!przestepstwa z )(?<!atakow z )(?<!atakami z )(?<!napadow z )"
    r"(?<!uzyciem )"
    r"\bnoz(?:a|e|em|ami)?\b(?![- ]moscada| kuchenn\w*| do (?:chleba|miesa|sera|warzyw|"
    r"pieczywa|ryb|owocow|krojenia|steku|masla)| stolow\w*| szefa| japonsk\w*)",
    r"(?<!przestepstw )(?<!przestepstwa )(?<!atakow )(?<!atakami )(?<!napadow )"
    r"\b(?:ma|maja|mial\w*|mieli|trzyma\w*|wyciag\w*|wyjal\w*|wyjel\w*|z|ze|grozi\w*|"
    r"zagrozil\w*|macha\w*|wymachuj\w*|przystawil\w*|przylozyl\w*|celuje|celowal\w*)\s+"
    r"(?:mi |nam |jej |mu )?(?:(?:duzy|duzym|duzego|wielki\w*|ogromn\w*|ostr\w*|kuchenn\w*|"
    r"sprezynow\w*|mysliwsk\w*|jakis|jakims|swoj\w*|jego|jej|tym|taki\w*) )?noz\w*",
    r"\b(?:maczet\w*|rewolwer\w*|strzelb\w*|spluw\w*|gazrurk\w*|kastet\w*|siekier\w*|"
    r"karabin(?:u|em|y|ow)?\b|bron(?:ia|i)? paln\w*)",
    r"\bpistolet\w*\b(?! (?:na wode|wodny|do (?:kleju|silikonu|malowania|masazu|piany)))",
    r"\b(?:ma|maja|mial\w*|z|ze|wyciag\w*|wyjal\w*|grozi\w*|celuje|celowal\w*|mierzy)\s+"
    r"(?:mi |nam |do mnie |we mnie )?bron(?:ia|i)?\b",
    r"\bkwasem\b(?! (?:cytrynow\w*|octow\w*|mlekow\w*|foliow\w*|hialuron\w*|salicyl\w*))",
    r"\bz (?:kijami|kijem) (?:bejsbol\w*|baseball\w*)|\bkij\w* (?:bejsbol\w*|baseball\w*)",
    r"\bz (?:mlotkiem|lomem|lomami|pretem|pretami|maczet\w*|siekiera|tasakiem|tulipanem|"
    r"rozbita butelka|kastetem|palka|palkami|metalow\w* (?:pretem|rurka))\b",
    r"\b(?:dzga\w*|dzgn\w*|zadzga\w*|zadzgn\w*|pchn\w* nozem|ugodzil\w*|ugodzon\w*|"
    r"postrzel\w*|zastrzel\w*|pochlast\w*)",
    # shooting, unless the message is about a film, a game, a series or the news
    r"^(?!.*\b(?:film\w*|gr(?:a|e|ze|y|ach)|serial\w*|ksiazk\w*|wiadomosci\w*|news\w*)\b)"
    r".*\b(?!strzelaj\b|strzelajcie\b)(?:strzela\w*|strzelil\w*|strzelanin\w*)\b(?![^.!?]{0,25}(?:petard|fajerwerk|gol|"
    r"bramk|korki|focie|zdjec|fotk|procy|wiatrowk))",
    # hitting, beating, attacking someone now
    r"\b(?:bije|bija|bijesz|tlucze|tluka|leje|leja|kopie|kopia|dusi|szarpie|szarpia|oklada|"
    r"okladaja|atakuje|atakuja|rzuca sie na|rzucil\w* sie na|katuje|katuja|masakruje|"
    r"napada|napadaja|pobije|pobija|pobic|gwalci|gwalca)\s+(?:teraz\s+|znowu\s+)?" + _KOGO
    + r"\b",
    r"\b(?:mnie|nas|go|mame|tate|corke|syna|dziecko)\s+(?:\w+\s+)?(?:bije|bija|"
    r"tlucze|tluka|leje|leja|kopie|kopia|dusi|szarpie|szarpia|oklada|okladaja|atakuje|"
    r"atakuja|katuje|katuja|napada|napadaja|pobije|pobija|pobic|gwalci)\b",
    r"\bjest (?:teraz |wlasnie )?(?:bit[ya]|atakowan\w*|duszon\w*|napadnie\w*)\b",
    r"\bbija sie\b|\bbojka\b",
    # threats to kill or hurt
    r"(?<!prawie )\bzabi(?:j\w*|c|l\w*|ty|ta)\s+(?:\w+\s+)?(?:mnie|cie|ciebie|nas|was|go|ja|"
    r"jego|ich|sie|moj\w*|nasz\w*|syn\w*|cork\w*|dzieck\w*|dzieci|zon[aey]|mez\w*)\b"
    r"(?![^.!?]{0,12}\b(?:nud\w*|halas\w*|bol\w*|smiech\w*|upal\w*|goraco|stres\w*|"
    r"tesknot\w*|ten|ta|to|te)\b)",
    r"(?<!prawie )(?<!muzyka )(?<!halas )(?<!nuda )(?<!to )(?<!ten )(?<!ta )(?<!praca )"
    r"(?<!szkola )(?<!stres )(?<!bol )(?<!upal )(?<!tesknota )(?<!smiech )"
    r"\b(?:mnie|cie|ciebie|nas|was|go|ja|ich|sie)\s+(?:\w+\s+)?zabi(?:j\w*|c|l\w*)\b",
    r"\bskrzywdz(?:i|e|a|ic|isz|imy)\b|\bzrob(?:i|ie|ia|ic|isz) (?:mi|ci|jej|mu|nam|wam|im|"
    r"dziecku|sobie) krzywd\w*",
    r"\budusz(?:e|a|ic)\b|\budusi\b|\budusic\b|\bzadzgam\w*|\bzastrzele\b|\bpotne cie",
    r"\bgroz\w*\s+(?:\w+\s+)?smierci\w*|\bgrozb\w* smierci",
    # a cry for help: the whole message, or a call for the police or an ambulance
    r"^\W*(?:(?:prosze|blagam|szybko|ludzie|boze|jezu|kurwa)\W+)*(?:pomocy|ratunku|na pomoc|"
    r"ratujcie(?: mnie)?|ratuj(?: mnie)?|pomozcie(?: mi)?|niech (?:mi )?ktos pomoze)"
    r"(?:\W+(?:prosze|blagam|szybko|pomocy|ratunku|na pomoc|ludzie|boze|kurwa|teraz|juz))*\W*$",
    r"^\W*(?:prosze\W+)?(?:pomocy|na pomoc|pomozcie(?: mi)?)\W+[^.!?]{0,30}?\b(?:on|ona|oni|"
    r"ktos|ex|eks|byly|maz)\s+(?:\w+\s+)?(?:(?:tu|tutaj|juz|znowu) )?(?:jest|sa|wrocil\w*|"
    r"wszedl|weszl\w*)\s*(?:tu|tutaj|w domu|w srodku|na dole|na gorze|z powrotem)?\b",
    r"(?<!nie ma )(?<!bez )(?<!szukam )(?<!szuka )\bratunku\b",
    r"\b(?:u?ratuj(?:cie)?|uratujcie) (?:mnie|nas)\b",
    r"\b(?:za)?dzwon(?:cie)?\s+(?:\w+\s+)?(?:na|po)\s+(?:policj\w*|karetk\w*|pogotowie|112|"
    r"999|straz\w*)",
    r"\bwezwij(?:cie)?\s+(?:\w+\s+)?(?:policj\w*|karetk\w*|pogotowie|pomoc|straz\w*)",
    r"\bniech ktos (?:za)?dzwoni\b|\bniech ktos wezwie\b",
    r"\b(?:wyslij|wyslijcie|przyslij|przyslijcie|przyslijcie)\s+(?:\w+\s+)?(?:pomoc|"
    r"policj\w*|karetk\w*)",
    r"\bpotrzebuj\w*\s+(?:\w+\s+)?(?:karetk\w*|pogotowi\w*|policji (?:teraz|natychmiast|"
    r"szybko|juz))",
    r"(?<!nie )(?<!nie jestem )(?<!nie jest )(?<!nie jestesmy )(?<!juz nie )"
    r"(?<!nie jestem juz )(?<!nie jestem teraz )\bw niebezp\w+",
    r"(?<!nie )(?<!nie jest )(?<!to nie )\bnagly wypadek\b",
    # someone at the door, trying to get in, or in the house
    r"\b(?:probuj\w*|usiluj\w*)\s+(?:sie\s+)?(?:do\s+(?:mnie|nas)\s+)?(?:wlamac|wejsc|dostac|"
    r"wedrzec|wywazyc|wywalic|otworzyc|wyłamac|wylamac)\b",
    r"\b(?:chce|chca)\s+(?:sie\s+)?(?:do\s+(?:mnie|nas)\s+)?(?:wlamac|wedrzec|wywazyc)\b",
    r"\bwlamuj\w*|\bintruz\w*|\bwlamywacz\w*\s+(?:jest|sa|w)\b",
    r"\b(?:wali|wala|lomocze|lomocza|dobija sie|dobijaja sie|kopie|kopia|tlucze|tluka|"
    r"uderza|uderzaja|szarpie|szarpia|wywaza|wywazaja|wylamuje|wylamuja|rozwala|rozwalaja)"
    r"\s+(?:\w+\s+)?(?:w |we |do |za )?(?:drzwi|klamk\w*)",
    r"\bdobija(?:ja)? sie\b",
    r"\b(?:wybija|wybijaja|rozbija|rozbijaja|tlucze|tluka)\s+(?:mi |nam )?(?:\w+\s+)?"
    r"(?:moj\w*|nasz\w*|mi|nam)\s+(?:okn\w*|szyb\w*)",
    # stones or bottles thrown at the home now, a window broken just now
    r"\b(?:rzuca|rzucaja|ciska|ciskaja)\s+(?:\w+\s+)?(?:kamien\w*|cegl\w*|cegiel\w*|butelk\w*|"
    r"kostk\w*|petard\w*)\s+(?:w|we|na|do)\s+(?:\w+\s+)?(?:okn\w*|szyb\w*|drzwi|dom\w*|mieszkani\w*)",
    r"\bwlasnie\s+(?:mi |nam )?(?:wybil\w*|wybili|rozbil\w*|stlukl\w*|stlukli)\s+(?:\w+\s+){0,2}"
    r"(?:okn\w*|szyb\w*)",
    r"\b(?:jest|stoi|stoja|czeka|czekaja|czai sie|czaja sie|kreci sie|kreca sie|wystaje|"
    r"wystaja)\s+(?:\w+\s+)?(?:pod|przed|za)\s+(?:moimi\s+|naszymi\s+)?drzwiami\b",
    r"\b(?:ktos|on|ona|oni|ex|eks|byl[ya]|maz|facet\w*|mezczyzn\w*|gosc|typ|typek|koles\w*|"
    r"jakis|jacys|banda|grupa|oprawc\w*|partner|ojciec|ojczym)\b[^.!?]{0,30}?\b(?:czeka|"
    r"czekaja|czai sie|czaja sie|obserwuje|obserwuja|zaglada|zagladaja|stoi|stoja)\s+"
    r"(?:\w+\s+)?(?:pod|przed|przy)\s+(?:moim\s+|naszym\s+)?(?:oknem|oknami|domem|"
    r"mieszkaniem)",
    r"\b(?:ktos|obcy|obca|intruz|jakis facet|jakis mezczyzna)\s+(?:\w+\s+)?(?:jest|chodzi)"
    r"\s+(?:w|po)\s+(?:moim|naszym|domu|mieszkaniu)",
    r"\b(?:chowam|ukrywam) sie\b|\b(?:schowal\w*|ukryl\w*) sie (?:w|pod|za)\b|"
    r"\bzamknel\w* sie w (?:lazience|pokoju|toalecie|szafie|kiblu|sypialni|lazience)",
    # followed or chased now
    r"\b(?:sledzi|sledza|goni|gonia|sciga|scigaja)\s+(?:\w+\s+)?(?:mnie|nas)\b"
    r"(?![^.!?]{0,20}(?:na (?:fb|face\w*|insta\w*|tiktok\w*|twitter\w*|messenger\w*)|"
    r"w (?:internecie|necie|sieci)))",
    r"(?<!to )(?<!mysl )\b(?:mnie|nas)\s+(?:\w+\s+)?(?:sledzi|sledza|goni|gonia|sciga|"
    r"scigaja)\b(?![^.!?]{0,20}(?:na (?:fb|face\w*|insta\w*|tiktok\w*|twitter\w*)|"
    r"w (?:internecie|necie|sieci)))",
    r"\b(?:idzie|ida|jedzie|jada|lazi|biegnie|biegna)\s+(?:\w+\s+)?za\s+(?:mna|nami)\b",
    # trapped, locked in, held, kidnapped
    r"\b(?:zamkn\w*|zamyk\w*)\s+(?:mnie|nas|ja|go|dzieci)\s+(?:\w+\s+)?(?:w|na)\b",
    r"\b(?:jestem|jestesmy)\s+(?:\w+\s+)?zamkni\w* (?:w|na)\b",
    r"\buwiez\w*|\bprzetrzymuj\w*|\bzakladni\w*",
    r"\bporwa\w*\s+(?:mnie|nas|ja|go|moj\w*|nasz\w*|dzieck\w*|cork\w*|syn\w*)\b|"
    r"\bporwan[aey]?\b(?! (?:spodnie|ubrani\w*|kurtk\w*|koszul\w*))|\bporwanie\b",
    r"\bnie (?:chce |chca )?(?:wypuszcz\w*|wypusc\w*)\s+(?:mnie|nas)\b",
    r"\bnie pozwala\w* (?:mi|nam) wyjsc z (?:domu|pokoju|mieszkania|samochodu|auta|lazienki)"
    r"\b(?! (?:sam[aey]?|samemu|bez))",
    r"\btrzyma\w* (?:mnie|nas) (?:w (?:domu|pokoju|piwnicy|mieszkaniu|samochodzie|aucie|"
    r"lazience|szafie)|zamkni\w*|sila|na sile)",
    r"\bnie (?:moge|mozemy) sie wydostac\b",
    # fire set now
    r"\bpodpal\w*|\bw ogniu\b|\bplon(?:ie|a|acy\w*)\b|\bpodloz\w* ogien",
    r"(?<!czujnik )(?<!czujnika )(?<!ryzyko )\bpozar(?:u|em|ze|y|ow)?\b",
    r"^(?!.*\b(?:swiatl\w*|lamp\w*|lampk\w*|zarowk\w*|latarni\w*|znicz\w*|swieczk\w*|"
    r"kominek|kominku|piec\w*|grill\w*|ognisk\w*|papieros\w*)\b).*\bpali sie\b"
    r"(?! (?:do |na (?:zielono|czerwono|zolto)))",
    r"\bspal(?:e|i|ic|a)\s+(?:\w+\s+)?(?:dom|mieszkanie|chate|samochod|auto)\b",
    r"\b(?:oblewa\w*|oblal\w*|wlewa\w*|wlal\w*|leje)\s+(?:\w+\s+)?benzyn\w*|"
    r"\bbenzyn\w* (?:przez|do|na|pod) (?:skrzynk|drzwi|wycieraczk|okn)|\bkoktajl\w* molotowa|"
    r"\bpelno dymu|\bdym (?:wszedzie|w calym)",
    # someone collapsed, unconscious, fitting, bleeding, overdosed
    r"\bnieprzytomn\w*|\bstracil\w* przytomnosc|\btraci przytomnosc|\bzemdl\w*|\bzaslab\w*|"
    r"\bnie rusza sie\b|\blezy bez ruchu|\bosunel\w* sie\b",
    r"\bnie reaguje na (?:nic|glos|wolanie|dotyk|bol|szturchanie|mnie|zadne)\b|"
    r"\b(?:upadl\w*|przewrocil\w* sie) i nie (?:wstaje|rusza|odpowiada|reaguje)",
    r"\bdrgawk\w*|\batak\w* padaczk\w*|\bnapad\w* padaczk\w*|\bpadaczk\w* atak|\bkonwulsj\w*|"
    r"\btrzesie (?:sie )?(?:cal[aey]|cały)",
    r"\bsinieje|\bzsinial\w*|\bsine (?:usta|wargi)|\busta (?:jej |mu )?(?:robia sie |sa )?sine|"
    r"\brobi sie (?:sin[ya]|niebiesk\w*)",
    r"\bprzedawkow\w*",
    r"\bkrwawi\w*|\bwykrwawia\w*|\bkrew (?:wszedzie|leci|sie leje)|\bpelno krwi|\bcal[ya] we krwi",
    r"\b" + _NIE_MOGE + r" (?:\w+ )?(?:ustac|ustoje|stac na nogach|utrzymac sie na nogach|"
    r"wstac z (?:podlogi|ziemi)|zrobic kroku)\b",
    r"\bnie czuje (?:\w+ )?(?:nog|rak|ciala)\b",
    # asking whether to die, wanting to die, going to kill or hurt oneself
    r"\bsamoboj\w*|(?<!nie )\bchcial\w* (?:\w+ )?umrzec\b",
    r"\b(?:odebrac|odbiore|odbierze|odebrac) sobie zycie|\btargn\w* sie na (?:swoje )?zycie|"
    r"\bskoncz\w* ze soba",
    r"\b(?:skocze|skoczy|skoczyc|skoczysz|skakac)\s+(?:z|pod|do|przez)\s+(?:\w+\s+)?"
    r"(?:most\w*|dach\w*|balkon\w*|okn\w*|pociag\w*|wiadukt\w*|budynk\w*|wiezowc\w*|"
    r"parking\w*|rzek\w*|wisl\w*|tramwaj\w*)",
    r"\b(?:tne|tnie|pociac|pocial\w*|pociel\w*|ciac) sie\b|\bsamookalecz\w*|\bokaleczam sie",
    r"\bnie chce (?:juz )?zyc\b(?! (?:w|we|z|ze|tu|tutaj|obok|na|przy|pod|u|kolo|tak|dalej))",
    r"\b(?:lyknal\w*|lykn\w*|polkn\w*|wzial\w*|wziel\w*|wzielam|wzialem|zazyl\w*|wypil\w*|"
    r"nalykal\w* sie|nazarl\w* sie)\s+(?:\w+\s+)?(?:wszystkie|cale|cala|caly|garsc|kupe|mase|"
    r"pelno|opakowanie|duzo|fiolke|listek|listki|paczke)\s+(?:\w+\s+)?(?:tabletek|tabletki|"
    r"pigulek|pigulki|lekow|leki|prochow|prochy|paracetamol\w*|apap\w*|ibuprom\w*|"
    r"nasenn\w*|antydepres\w*)",
    r"\b(?:tabletki|pigulki|leki|prochy)\b[^.!?]{0,20}\b(?:przygotowan\w*|przede mna|"
    r"wysypane|naszykowan\w*)",
    r"\b(?:napisal\w*|wyslal\w*|przyslal\w*)\s+(?:mi\s+)?(?:\w+\s+)?(?:pozegnan\w*|"
    r"pozegnaln\w*)|\blist pozegnaln\w*",
)

PRESENT = (
    # found by the person they fled (not when told as long ago)
    _DAWNO + r".*\b(?:znalazl|znalezl|namierzyl|wytropil)\w* (?:mnie|nas)\b(?! (?:na|w|przez) "
    r"(?:fb|face\w*|insta\w*|internecie|necie|sieci|grupie))",
    _DAWNO + r".*\b(?:mnie|nas) (?:znow |juz |w koncu )?(?:znalazl|znalezl|namierzyl|wytropil)\w*\b"
    r"(?! (?:na|w|przez) (?:fb|face\w*|insta\w*|internecie|necie|sieci))",
    # a body in trouble now: not breathing, won't wake, floppy, eyes rolling
    r"\bnie ?(?:oddycha|oddychaja|moge oddychac|moze oddychac|mozemy oddychac|"
    r"moge zlapac oddechu|moze zlapac oddechu)\b|\bprzestal\w* oddychac|\bledwo oddycha",
    r"\bnie (?:\w+ )?(?:budzi sie|obudzi sie|chce sie obudzic|da sie (?:jej |go )?(?:o|do)budzic|"
    r"(?:moge|mozemy|mozna) (?:jej |go |ich )?(?:o|do)budzic)\b",
    r"\b(?:jej|go|ich) nie (?:moge|mozemy|da sie|mozna) (?:o|do)budzic\b",
    r"\bsie nie (?:\w+ )?(?:budzi|obudzi|dobudzi|wybudza)\b",
    r"\b(?:jest|zrobil\w* sie) (?:cal[aey] |calkiem |zupelnie )?(?:wiotk\w*|bezwladn\w*)|"
    r"\bleci (?:mi )?przez rece|\boczy (?:jej |mu )?uciekaja",
    r"(?:dosypal\w*|dosypan\w*|wsypal\w*|dodal\w* cos|cos (?:mi |jej |mu )?(?:do|w) "
    r"(?:drinka|drinku|piwa|piwie|kieliszk\w*|szklank\w*|napoju|soku|wodki)|pigulk\w* gwaltu|"
    r"tabletk\w* gwaltu|spiked|naszprycowa\w*|igla|igle|strzykawk\w*)[^.!?]{0,50}?\b"
    + _NIE_MOGE + r" (?:\w+ )?(?:ustac|stac|wstac|chodzic|isc|mowic|myslec|widziec|"
    r"ruszac|ruszyc|utrzymac|skupic)",
    # someone missing now: a child, a relative or a friend
    _DAWNO + r".*\b" + _BLISCY + r"\b[^.!?]{0,40}?\b(?:zagin\w*|znikn\w*|zgubil\w* sie|"
    r"nie wrocil\w*|nie przysz\w* (?:do domu|ze szkoly|na noc)|nie (?:ma|bylo) (?:go|jej) od|"
    r"nigdzie (?:go|jej) nie ma|"
    r"uciekl\w* z domu)",
    _DAWNO + r".*\b(?:zagin\w*|znikn\w*|zgubil\w*)\s+(?:mi |nam )?(?:sie )?(?:moj\w* |nasz\w* )?"
    + _BLISCY + r"\b",
    r"\bnie (?:moge|mozemy) (?:nigdzie )?(?:znalezc|odnalezc)\s+(?:mojego |mojej |naszego |"
    r"naszej |moich |naszych )?" + _BLISCY + r"\b",
    r"\b" + _BLISCY + r"\s+(?:\w+\s+)?nie (?:moge|mozemy) (?:nigdzie )?(?:znalezc|odnalezc)\b",
    # not safe, about to jump, wanting to die, said now
    r"\bnie (?:jestem|jestesmy)\s+(?:tu |tutaj |teraz |juz |w domu |tu juz )?bezpieczn\w*",
    r"(?<!nie )\bchc(?:e|a) (?:\w+ )?umrzec\b|(?<!nie )\bchce sie zabic\b",
    r"\bpo drugiej stronie (?:barierki|balustrady|poreczy|barierek)|\bna krawedzi (?:dachu|"
    r"mostu|balkonu|okna|wiezowca|budynku|parkingu|wiaduktu)|\bstoi na (?:barierce|"
    r"balustradzie|gzymsie)",
)
