"""Urdu (ur) words for danger now (see bot/safety/__init__.py and en.py, the model).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed by
a native speaker.

Two ways of writing Urdu, both typed by British Urdu speakers:
- Roman Urdu ("mujhe maar raha hai", "bachao", "wo mera peecha kar raha hai"), with the
  common spellings of one word (chaku/chaaku/chaqu, peecha/picha/pichha, nahi/nai/nhi,
  raha/rha). Every Roman pattern needs Urdu words, so that ordinary English (and Polish,
  Romanian, Spanish...) never fires it: no pattern is a lone English word, and English
  words in Urdu grammar ("uske paas gun hai", "knife le ke khara hai") are caught by the
  Urdu around them.
- Urdu script, written in the `normalise`d form: ی -> ي, ہ ھ ۃ -> ه, ك -> ک, hamza and
  alef forms removed or unified (آ -> ا, ئ -> ي, ؤ -> و).

Choices a reviewer should check:
- "maar raha/rahi hai" (is hitting) needs a person hit ("mujhe", "ammi ko", "meri beti ko")
  or a blow ("thappar", "laatein"), because "mar raha hai" is also "is dying" and
  "chakkar maar raha" is "is going round"; the habit "mujhe maarta hai" (he hits me) is
  left out, as en.py leaves out "he hits me".
- "bachao" counts at the start of a message or with "mujhe"/"koi"/"meri beti ko";
  "paise bachao" (save money) does not. "madad" counts only as the whole message
  ("madad karo!"), not "mujhe noise ke liye madad chahiye".
- "goli" is a bullet only with "maar/chal/lag" (it is also a pill); "saari goliyan kha
  li" (took all the pills) is self-harm.
- "saas" is also a mother-in-law: only "saas nahi le rahi" (isn't breathing) counts;
  "saans nahi aa rahi" needs the n.
- "jaag nahi raha" / "hosh mein nahi aa rahi" (won't wake) are PRESENT unless the message
  speaks of school, work, the morning or prayers (a teenager who won't get up).
- Someone missing needs "mera/meri/hamara" (or "ek") and a child or relative:
  "meri chabi gum ho gayi" (my keys) and "billi" (the cat) are left out.
- "mehfooz/safe nahi" (not safe) is PRESENT only in the first person ("main safe nahi
  hoon", "hum mehfooz nahi"); "yeh ilaqa mehfooz nahi" (the area isn't safe) is left out.
- Told as past or habit with no word for now ("pichle hafte", "roz", "پچھلے سال"), a
  weapon seen, someone outside or getting in is left to the model (`_NOT_NOW`); "abhi" or
  a progressive "raha/rahi" keeps it firing. "...raha tha" (was ...-ing) is past.
- "agar aag lag jaye" (if there's a fire) and "paise/bijli bachao" (save money/power) are
  left out.
- Left out on purpose: "churi/choori" (also bangles), "talwar" alone (also a surname),
  "katta", "pistol" alone (Romanian and English for a gun: caught in Urdu grammar
  instead), "dhamki" alone (also a threat of divorce or of the police), "ghoos" (also a
  bribe), "sui" alone (Italian "sui"; a needle counts with "chubhoi/lagai").
- Not yet handled: "mera bhai ghar nahi aaya kyunki wo Lahore gaya hai" (hasn't come
  home because he went to Lahore) fires as missing, as "hasn't come home" does in English.
- Every pattern that looks ahead over the whole message starts with ^, so that a long
  message is read once, not once per letter.
"""

from __future__ import annotations

# ---- Roman Urdu -----------------------------------------------------------------------

_PROG = r"(?:raha|rahi|rahe|rahay|rahey|rha|rhi|rhe)"
_NOT = r"(?:nahi|nahin|nahee|nai|nae|nhi|nhin|ni)"
_ME = (r"(?:mujhe|mujhay|mujhy|mujhey|mjhe|mjhy|muje|mujhko|mujh ko|hamein|humein|hame|hume|"
       r"hamen|humen|humain|hamain|hamay|humay|humko|hamko)")
# Someone hit or held: me, us, him, her, my mother, my daughter...
_OBJ = (r"(?:" + _ME + r"|usko|usay|usey|use|usse|isko|isay|ise|unko|inko|un ko|us ko|is ko|"
        r"in ko|ammi ko|amma ko|abbu ko|bachon ko|bachay ko|bache ko|bachi ko|biwi ko|beti ko|"
        r"bete ko|betay ko|bhai ko|behen ko|behan ko|bahen ko|(?:meri|mere|meray|hamari|hamare|"
        r"apni|apne|uski|uske) \w+ ko)")
_KNIFE = (r"(?:chaa?ku|chaa?koo|chakku|chaa?qu|chaa?qoo|chaqqu|chhuri|chhurri|chhuree|chhura|"
          r"khanjar|kulhaa?[rd]i|gandasa)")
_GUN = r"(?:bandoo?[kq]h?|bandu[kq]h?|tamanch[ae]y?|pistaul|kalashnikov|klashnikov|kalashinkov)"
_ACID = r"(?:tezaa?b|taizaa?b|tezab)"
_ARMS = r"(?:hathiyaa?r|hathyaa?r|aslaha|asleha)"
_ANY_WEAPON = (r"(?:" + _KNIFE + "|" + _GUN + "|" + _ACID + "|" + _ARMS + r"|gun|knife|pistol|"
               r"revolver|rifle|talwaa?r)")
# Words that make a weapon noun a kitchen, a shop, a screen or a statistic.
_NOT_A_WEAPON = (r"^(?!.*\b(?:khareed\w*|kharid\w*|bech\w*|baich\w*|sale|sell|selling|buy|bought|"
                 r"sabzi|sabzee|sabji|gosht|ghosht|pyaz|piyaz|tamatar|phal|fruit|kaatne|katne|"
                 r"kaatna|katna|kitchen|kichen|set|amazon|online|shop|dukaan|dukan|game|gaming|"
                 r"pubg|film|movie|drama|serial|khilona|khilone|toy|nakli|plastic|crime|kitni|"
                 r"kitne|kitna|dhaar|sharpen|tez\s+kar\w*|tez\s+karwa\w*)\b)")
# A teenager who won't get up for school is not someone who won't wake.
_NOT_A_LIE_IN = (r"^(?!.*\b(?:school|skool|schol|kaam|subah|subha|fajr|namaz|college|uni|office|"
                 r"late|der|alarm)\b)")
_NOT_A_CALLER = (r"^(?!.*\b(?:delivery|parcel|courier|postman|dakiya|mehmaan|mehman|guest|"
                 r"rishtedar|amazon|pizza|order)\b)")
_CRY = (r"(?:bacha+o+|bachaa+o+|bacha\s*lo|bachalo|bachaa\s*lo|bachaiye|bachayein|madad|maddad|"
        r"madat|madad\s+(?:karo|kro|karo\s+na|kijiye|kijie|karein|karen|kren|kar\s+do|krdo)|"
        r"help\s+(?:karo|kro|kijiye|karein|karen|kren|kar\s+do)|police\s+(?:bulao|bulaao|ko\s+bulao)|"
        r"ambulance\s+(?:bulao|bhejo))")
_FILL = (r"(?:plz|pls|plzz|plss|please|koi|koi\s+to|koi\s+hai|jaldi|jaldi\s+se|foran|abhi|allah|"
         r"ya\s+allah|ya\s+rab|ya\s+khuda|khuda\s+ke\s+liye|allah\s+ke\s+wast[ea]y?|bhai|logo|"
         r"mujhe|meri|hamari|hamein|humein|sos|help)")
# A child, relative or friend who can go missing, said as "my..." ("mera beta").
_KIN = (r"(?:beta|beti|bete|betay|bacha|bachcha|baccha|bachi|bachchi|bacchi|bache|bachay|"
        r"bachche|munna|munni|baby|bhai|bhaiya|behen|bahen|behan|ammi|ammi\s+jaan|amma|abbu|abba|"
        r"abu|dada|dadi|nana|nani|dost|saheli|bhatija|bhatiji|bhanja|bhanji|pota|poti|nawasa|"
        r"nawasi|larka|larki)")
_MY = r"(?:mera|meri|mere|meray|hamara|hamari|hamare|humara|humari|humare|mra|mri|ek|aik)"
_GONE = (r"(?:(?:gum|ghum|kho|laa?pata|lapta|laapta|ghayab|gayab|ghaib|gaib|ghayeb)\s+(?:ho\s+)?"
         r"(?:gaya|gayi|gai|gya|gyi|gaye|gye|hai|he|h|hain|hy)|ghar\s+(?:(?:wapas|abhi\s+tak|ab\s+tak)"
         r"\s+)*" + _NOT + r"\s+(?:aaya|aya|aayi|ayi|aai|ai|aaye|aye|lota|lauta|lauti|loti|pohncha|"
         r"pahuncha|pohnchi|pahunchi)|(?:school|madrasa|madrase|masjid|park|college|tuition)\s+se\s+"
         r"(?:wapas\s+)?" + _NOT + r"\s+(?:aaya|aya|aayi|ayi|aai|lota|lauta|lauti|loti)|" + _NOT
         + r"\s+mil\s*" + _PROG + r"|(?:kahin|kahi|kaheen)\s+(?:bhi\s+)?(?:nazar\s+)?" + _NOT
         + r"\s+(?:mil|aa|a)\s*" + _PROG + r"|abhi\s+tak\s+(?:wapas\s+)?" + _NOT + r"\s+(?:aaya|aya|"
         r"aayi|ayi|aai|lota|lauta|lauti|loti))(?!\s+(?:tha|thi|the|thay)\b)")
_NOT_FOUND_AGAIN = (r"^(?!.*\b(?:pichle|pichhle|pichlay|pichley|guzishta|saal\s+pehle|mahine\s+pehle|"
                    r"mil\s+gaya|mil\s+gayi|mil\s+gai|mil\s+gaye|wapas\s+aa\s+gaya|wapas\s+aa\s+gayi|"
                    r"wapas\s+agaya|wapas\s+agayi)\b)")
_SPIKED = (r"(?:drink|drnk|daaru|daru|sharaab|sharab|mashroob|glass|juice|coke|cold\s*drink|"
           r"pani|paani|chai|coffee|cocktail|shot)\s+(?:mein|me|main|mai|mei)\s+(?:kuch\s+|koi\s+"
           r"cheez\s+|dawai\s+|nasha\s+|drugs?\s+|goli\s+)?(?:mila|milaa|milaya|milai|milayi|daal|dal|"
           r"dala|daala|dali|daali|mix)\w*|\bspike\w*|nasha\s+(?:de|dey|kar)\s*(?:diya|dia|di)")
_FALLING = (r"(?:khara|khari|khare|kharay|khada|khadi|khade|chal|chall|uth|hil|bol|dekh|soch)\s+"
            r"(?:bhi\s+)?" + _NOT + r"\s+(?:ho\s+)?(?:pa|paa|sak|saki|sakti|sakta|sakte|raha|rahi|"
            r"rahe|rha|rhi)|\bhosh\s+(?:mein|me|main)\s+" + _NOT + r"|\bbe\s*hosh|\bbehosh")
_NOW_FINE = (r"^(?!.*\b(?:pichle|pichhle|guzishta|hafte|mahine|ab\s+theek|ab\s+thik|theek\s+hoon|"
             r"thik\s+hoon|thik\s+hun|theek\s+hun|theek\s+ho\s+gayi|thik\s+ho\s+gayi)\b)")

# Told as past or as a habit ("pichle hafte", "roz") with no word for now.
_NOT_NOW = (r"^(?!(?=.*\b(?:pichle|pichhle|pichlay|pichley|guzishta|(?:saal|mahine|hafte|din)\s+pehle|roz|"
            r"rozana|har\s+roz|har\s+din|har\s+raat|aksar|kabhi\s+kabhi|jab\s+bhi)\b)(?!.*\b(?:abhi|"
            r"is\s+waqt|filhaal|foran|jaldi|raha|rahi|rahe|rha|rhi|rhe)\b(?!\s+(?:koi|kuch|sab)\s+"
            + _NOT + r")))")
_U_NOT_NOW = (r"^(?!(?=.*(?:پچهلے|گزشته|سال پهلے|مهينے پهلے|هفتے پهلے|روز|هر روز|هر رات|اکثر|جب بهي))"
              r"(?!.*(?:ابهي|اس وقت|فورا|جلدي|رها|رهي|رهے)(?!\s+(?:کويي|کچه)\s+نهيں)))")

# ---- Urdu script (normalised: ي for ی, ه for ہ and ھ) ----------------------------------

_U_PROG = r"(?:رها|رهي|رهے)"
_U_OBJ = (r"(?:مجهے|هميں|اسے|اس کو|انهيں|ان کو|امي کو|بچوں کو|بچے کو|بيوي کو|بيٹي کو|بيٹے کو|"
          r"(?:ميري|ميرے|هماري|همارے)\s+\S+\s+کو)")
_U_WEAPON = (r"(?:چاقو|چهري|چهرا|خنجر|بندوق|پستول|تمنچه|تيزاب|اسلحه|هتهيار|کلاشنکوف|کلهاڑي)")
_U_NOT_A_WEAPON = (r"^(?!.*(?:خريد|بيچنا|بيچنے|بيچي|بيچا|فروخت|سبزي|گوشت|کاٹنے|کچن|باورچي|سيٹ|"
                   r"ان لاين|انلاين|دکان|دوکان|فلم|ڈرامه|ڈرامے|گيم|کهلونا|کهلونے|پياز|ٹماٹر|"
                   r"پهل|سيل|جرايم|کتنے|کتني))")
_U_NOT_A_LIE_IN = r"^(?!.*(?:اسکول|سکول|کام|صبح|فجر|نماز|کالج|دفتر|افس|دير))"
_U_NOT_A_CALLER = r"^(?!.*(?:ڈيليوري|پارسل|کوريير|ڈاکيا|مهمان|رشته دار))"
_U_CRY = (r"(?:بچاو|بچاو|بچا لو|بچالو|بچاييں|بچاييے|مدد|مدد کرو|مدد کريں|مدد کيجيے|مدد کيجيے|"
          r"مدد کرو نا|پوليس بلاو|پوليس کو بلاو|ايمبولينس بلاو)")
_U_FILL = (r"(?:پليز|خدا کے ليے|خدا کے ليے|الله کے واسطے|الله کے ليے|يا الله|الله|کويي|کويي تو|"
           r"جلدي|جلدي سے|فورا|ابهي|ميري|مجهے|هماري|هميں|بهايي|لوگو)")
_U_KIN = (r"(?:بيٹا|بيٹي|بيٹے|بچه|بچي|بچے|منا|مني|بهايي|بهن|امي|ابو|ابا|دادا|دادي|نانا|ناني|"
          r"دوست|سهيلي|بهتيجا|بهتيجي|بهانجا|بهانجي|پوتا|پوتي|نواسا|نواسي)")
_U_GONE = (r"(?:(?:گم|کهو|لاپته|غايب)\s+(?:هو\s+)?(?:گيا|گيي|گيے|هے|هيں)|گهر\s+(?:(?:واپس|ابهي تک)"
           r"\s+)*نهيں\s+(?:ايا|ايي|ايے|لوٹا|لوٹي|پهنچا|پهنچي)|(?:اسکول|سکول|مدرسے|مسجد|پارک)\s+سے\s+"
           r"(?:واپس\s+)?نهيں\s+(?:ايا|ايي|لوٹا|لوٹي)|نهيں\s+مل\s*(?:رها|رهي|رهے)|ابهي تک\s+"
           r"(?:واپس\s+)?نهيں\s+(?:ايا|ايي|لوٹا|لوٹي))(?!\s*(?:تها|تهي|تهے))")
# What may stand between "my" and the child or relative: "chhota", "five years old".
_U_KIN_SAID_OF = (r"(?:چهوٹا|چهوٹي|چهوٹے|بڑا|بڑي|بڑے|بوڑهي|بوڑها|معذور|(?:\d+|ايک|دو|تين|چار|پانچ|"
                  r"چه|سات|اٹه|نو|دس|گياره|باره|ڈيڑه|ڈهايي)\s+سال\s+(?:کا|کي|کے))")
_U_NOT_FOUND_AGAIN = (r"^(?!.*(?:پچهلے|گزشته|سال پهلے|مهينے پهلے|مل گيا|مل گيي|مل گيے|واپس ا گيا|"
                      r"واپس ا گيي|واپس اگيا))")
_U_SPIKED = (r"(?:ڈرنک|مشروب|گلاس|جوس|پاني|چايے|کافي|شراب|کولڈ ڈرنک)\s+ميں\s+(?:کچه\s+|کويي چيز\s+|"
             r"نشه\s+|دوايي\s+)?(?:ملا|ملايا|ملايي|ڈال|ڈالا|ڈالي)\S*|نشه\s+(?:دے|کر)\s*(?:ديا|دي)|سپايک")
_U_FALLING = (r"(?:کهڑا|کهڑي|کهڑے|چل|اٹه|هل|بول|ديکه|سوچ)\s+(?:بهي\s+)?نهيں\s+(?:هو\s+)?(?:پا|سک)\S*|"
              r"هوش\s+ميں\s+نهيں|بے ?هوش|بيهوش")
_U_NOW_FINE = r"^(?!.*(?:پچهلے|گزشته|هفتے|مهينے|اب ٹهيک|ٹهيک هوں|ٹهيک هو گيي|ٹهيک هو گيا))"


EVENT = (
    # ---- Roman Urdu ----
    # a weapon: a noun alone, unless the message is about buying, cooking, a film or figures
    _NOT_A_WEAPON + _NOT_NOW + r".*\b(?:" + _KNIFE + "|" + _GUN + "|" + _ACID + "|" + _ARMS + r")\b",
    # a weapon in someone's hands, drawn, waved or used ("uske paas chaku hai", "gun nikali")
    _NOT_A_WEAPON + _NOT_NOW + r".*\b(?:(?:us|un|is|in|uss)\s?(?:ke|kay|k|ki)|\w+\s+(?:ke|kay|k|"
    r"ki))\s+(?:paas|pas|haath|hath|hathon|haathon|hatho)\s+(?:(?:mein|me|main|mai|mei|mn)\s+)?(?:(?:ek|"
    r"aik|1|bara|bada|lamba|tez)\s+)*(?:" + _ANY_WEAPON + r"|danda|dande|danday|lathi|hockey|rod|sariya|"
    r"sarya|hathora|hathoda|acid)\b",
    _NOT_A_WEAPON + _NOT_NOW + r".*\b(?:haath|hath)\s+(?:mein|me|main|mai|mei)\s+(?:(?:ek|aik|1|bara|bada|"
    r"lamba)\s+)*" + _ANY_WEAPON + r"\b",
    r"\b" + _ANY_WEAPON + r"\s+(?:le\s*ke|leke|lekar|le\s*kar|liye|liya|liyay|lie|uthaye|utha\s*ke|"
    r"utha\s*kar|dikha\w*|nikal\w*|taan\w*|tana\w*|tani\w*|ke\s+sath|ke\s+saath|k\s+sath|se\s+"
    r"(?:dhamka\w*|hamla|war|vaar|zakhmi|ghayal|maar|mar))",
    r"\b(?:danda|dande|danday|dandon|lathi|lathiyon|lathiyan|hockey|rod|sariya|sarya|eent|eenton|"
    r"patthar|pathar|pattharon|hathora|hathoda|botal|bottle|belt)\s+(?:se|say)\s+(?:\w+\s+)?(?:maar|"
    r"mar|peet|pit|hamla|pitai|war|vaar)",
    r"\b(?:" + _KNIFE + r"|knife)\s+(?:\w+\s+)?(?:maar|mar|maara|mara|maari|mari|ghonp|ghomp|ghop|"
    r"ghusa|ghusaa|ghusaya|lag|laga|lagi|chala|chalaya|chalai|chalayi)\w*",
    r"\b(?:goli|goliyan|goliyaan|golian)\s+(?:\w+\s+)?(?:maar|mar|chal|chala|chalai|chalayi|chalaein|"
    r"lagi|lag|lgi|chali|chalay|chalne|chalnay)\w*|\bfiring\s+(?:ho|kar|kr|ki|hui|hoi|chal)\w*",
    r"\b(?:tezaa?b|tezaab|taizaa?b|acid)\s+(?:\w+\s+)?(?:phenk|phaink|fenk|feink|daal|dal|dala|"
    r"daala|dali|daali|gira|chhirak|chirak)\w*",
    # hitting, beating, attacking, strangling now
    r"\b" + _OBJ + r"\s+(?:(?:bohat|bahut|bohot|buri\s+tarah|zor\s+se|zor\s+zor\s+se|phir\s+se|phir|"
    r"dobara|abhi|ab)\s+){0,2}(?:maar|marr|maarr|mar|peet|pit|pitai\s+kar|pitayi\s+kar|pitai\s+kr|"
    r"kut|koot|ghaseet|ghasit)\s*" + _PROG + r"\b",
    r"\b(?:maar|maarr|peet|pitai\s+kar|pitai\s+kr|maar\s+peet\s+kar|maar\s+peet\s+kr)\s*" + _PROG
    + r"\s+(?:hai|he|h|hain|hy|hay)\s+" + _OBJ + r"\b",
    r"\b\w+\s+ko\s+(?:\w+\s+){0,4}?(?:maar|maarr|peet|pitai\s+kar|pitai\s+kr)\s*" + _PROG + r"\b|"
    r"\b(?:maara|mara|peeta|pita|ghaseeta)\s+ja\s+(?:raha|rahi|rahe|rha|rhi)\b",
    r"\b(?:eent\w*|int[eo]n|patthar\w*|pathar\w*|botal\w*|bottle\w*|anday|ande|"
    r"angaray)\s+(?:\w+\s+)?(?:maar|mar|phenk|phaink|fenk|feink|barsa|chala)\w*\s*" + _PROG,
    r"\b(?:par|pe|per|ki\s+taraf|ke\s+upar|ke\s+oopar)\s+(?:\w+\s+)?(?:gaari|gari|car|truck|"
    r"van)\s+(?:\w+\s+)?(?:daura|dora|charha|chadha|chala|chadhane)\w*\s*" + _PROG + r"|"
    r"\bgaa?ri\s+(?:charhane|chadhane|charhaane)\s+ki\s+koshish",
    r"\b(?:danda|dande|danday|dandon|lathi|lathiyan|hockey|bat|rod|sariya|sarya|hathora|"
    r"hathoda)\s+(?:le\s*ke|leke|lekar|le\s*kar|liye|uthaye|utha\s*ke)\s+(?:\w+\s+)?(?:khara|khari|khare|"
    r"kharay|khada|khade|aa|aaye|aye|ghoom|pher|maar|tod|toR|baitha)|\b" + _ANY_WEAPON + r"\s+(?:lehra|"
    r"lahra|lehraa)\w*",
    r"\b(?:thappar|thapar|thappad|thapad|chaanta|chanta|chamat|ghoonse|ghunse|ghoonsay|mukke|mukkay|"
    r"mukka|laat|laaten|laatein|latain|laton|laaton)\s+(?:\w+\s+)?(?:maar|mar|maarr)\s*" + _PROG,
    r"\b(?:maar\s*peet|maarpeet|pitai|pitayi|pitaai)\s+(?:ho|kar|kr)\s*" + _PROG,
    r"\bhamla\s+(?:kar|kr|ker|ho)\s*(?:raha|rahi|rahe|rha|rhi|rhe|diya|dia|di|gaya|gya)\b",
    r"\bgala\s+(?:daba|dabaa|dba|ghont|ghot)\s*" + _PROG,
    # threats to kill or hurt
    r"\bjaa?n\s+se\s+(?:maa?r|khatam|khatm)",
    r"(?<!chakkar )(?<!chakar )(?<!machhar )(?<!macchar )(?<!machar )(?<!makhi )(?<!makkhi )(?<!gap )"
    r"(?<!gup )(?<!kick )(?<!shot )(?<!round )(?<!sutta )(?<!tukka )\b(?:maa?r|maarr)\s+(?:dunga|"
    r"doonga|dun\s*ga|doon\s*ga|dungi|doongi|dun\s*gi|dega|dey\s*ga|de\s*ga|degi|de\s*gi|denge|"
    r"den\s*ge|dainge|daalunga|dalunga|dalun\s*ga|daaloon\s*ga|daalun\s*ga|daalega|dalega|dale\s*ga|"
    r"dalay\s*ga|daalay\s*ga|daalenge|dalenge|daalegi|dalegi|dalonga)\b",
    r"\b(?:qatal|qatl|katal|katl|khoon|khun)\s+(?:kar|kr|ker)\s*(?:dunga|doonga|dun\s*ga|dega|de\s*ga|"
    r"denge|degi|dungi|diya|dia|raha|rahe)\b",
    r"\b(?:tujhe|tujhay|tumhe|tumhein|tumhen|tjhe|use|usay|usko|mujhe|mujhay|hamein|humein|sab\s*ko|"
    r"bachon\s+ko|tere|teri|tera)\s+(?:\w+\s+)?(?:khatam|khatm|maar|mar|tukre|tukray|tukde)\s+(?:kar|"
    r"kr|ker)\s*(?:dunga|doonga|dun\s*ga|dega|de\s*ga|denge|degi|dungi|doon\s*ga|dalunga|daalunga)",
    r"\bzind[ae]h?\s+" + _NOT + r"\s+(?:chh?o[dr]\w*|chh?ho[dr]\w*)|\bzind[ae]h?\s+(?:jala|jalaa|"
    r"gaar|gaad|dafna)\w*",
    r"\b(?:maarne|marne|qatal|qatl|katal|jaa?n\s+se\s+maarne|jaa?n\s+lene|tezaa?b|chaa?ku|goli)\s+"
    r"(?:ki|ke|kee)\s+(?:dhamki|dhamkiyan|dhamkian|dhamkiyaan|dhamkee)",
    r"\bdhamk\w*\b.{0,40}\b(?:maar|jaa?n|qatal|qatl|chaa?ku|chhuri|tezaa?b|aag|goli|bandook|jala)\b|"
    r"\b(?:chaa?ku|chhuri|bandook|pistol|gun|knife|tezaa?b|goli)\b.{0,30}\bdhamk\w*|"
    r"\bdhamka\s*" + _PROG,
    r"\bjaa?n\s+(?:le|lay)\s*(?:lega|lenge|lunga|legi|loonga|lun\s*ga|le\s*ga)",
    # fire set now, or about to be
    r"^(?!.*\bagar\s+(?:\w+\s+){0,3}?aa?g\b).*\baa?g\s+(?:laga|lagaa|lag|lagi|lagai|lagaayi|"
    r"lagayi|lagne|lga|lgi|lg)\b(?!\s*(?:jaye|jaaye|jae|jay|sakti|sakta))",
    r"\b(?:ghar|makan|flat|kamra|kamre|kitchen|gaari|gari|car|building|dukaan|dukan|darwaza|imarat)"
    r"\s+(?:\w+\s+)?(?:jal|jall)\s*(?:raha|rahi|rahe|rha|rhi|gaya|gayi|gya|gyi)",
    r"\b(?:ghar|makan|flat|gaari|gari|car|sab\s*ko|tujhe|tumhe|tumhein|mujhe|bachon\s+ko|zind[ae]h?)"
    r"\s+(?:\w+\s+)?(?:jala|jalaa)\s*(?:dunga|doonga|dun\s*ga|dega|de\s*ga|denge|degi|dungi|raha|"
    r"rahi|rahe)",
    r"\b(?:petrol|kerosene|mitti\s+ka\s+tel)\s+(?:\w+\s+)?(?:chhirak|chirak|chhidak|phenk|fenk|"
    r"undel)\w*|\b(?:darwaz\w*|ghar|letterbox|door)\s+(?:\w+\s+)?(?:par|pe|per|mein|me)\s+"
    r"(?:petrol|kerosene|mitti\s+ka\s+tel)",
    r"\b(?:dhu+a+n|dhuwa+n|dhoo?a+n)\s+(?:hi\s+dhu\w*|bhar\s+gaya|bhar\s+raha|bhara|har\s+taraf|"
    r"har\s+jagah)",
    # someone outside, getting in, inside; hiding from them
    _NOT_A_CALLER + _NOT_NOW + r".*\b(?:koi|ex|mera\s+ex|meri\s+ex|sabiq\s+shohar|ex\s+husband|aadmi|admi|"
    r"banda|bandah|larka|larke|larkay|ladka|ladke|log|gunde|gunday|ajnabi|chor|daku|dakoo|kuch\s+log|"
    r"ek\s+aadmi|aik\s+aadmi|do\s+aadmi)\s+(?:(?:abhi|phir\s+se|phir|dobara)\s+)?(?:(?:mere|hamare|"
    r"humare|meray)\s+)?(?:ghar|darwaz[ae]y?|darwaaz[ae]y?|darwazy|door|flat|khirki|khidki|gate|"
    r"window)\s+(?:(?:ke|k|kay)\s+)?(?:bahar|baahar|bahir|samne|saamne|samnay|saamnay|par|pe|per|pr)"
    r"\s+(?:(?:abhi|phir|phir\s+se|kab\s+se|ghanton\s+se)\s+)?(?:khara|khari|khare|kharay|khada|"
    r"khadi|khade|betha|baitha|baithi|bethi|baithe|bethay|intezar|wait|chakkar|ghoom|jhank|jhaank|"
    r"dastak|chilla|cheekh|aa\s+gaya|aa\s+gayi|aa\s+gaye|agaya|agya|aa\s+gya|hai|he|h|hain|hy|hay)\b",
    _NOT_A_CALLER + _NOT_NOW + r".*\b(?:wo|woh|vo|voh)\s+(?:(?:abhi|phir\s+se|phir|dobara)\s+)?(?:(?:mere|"
    r"hamare|humare|meray)\s+)?(?:ghar|darwaz[ae]y?|darwaaz[ae]y?|darwazy|door|flat|khirki|khidki|"
    r"gate|window)\s+(?:(?:ke|k|kay)\s+)?(?:bahar|baahar|bahir|samne|saamne|samnay|par|pe|per|pr)"
    r"\s+(?:(?:abhi|phir|phir\s+se|kab\s+se|ghanton\s+se)\s+)?(?:khara|khari|khare|kharay|khada|"
    r"khadi|khade|betha|baitha|baithi|bethi|baithe|intezar|wait|chakkar|ghoom|jhank|jhaank|dastak|"
    r"chilla|cheekh)",
    r"\b(?:darwaz[ae]y?|darwaaz[ae]y?|darwazy|door|gate|taala|tala|lock)\s+(?:\w+\s+)?(?:tor|todh|"
    r"torh|tod)\w*\s*(?:raha|rahi|rahe|rha|rhi|rhe|diya|dia|di|de|ne|kar|kr|ke)\b|\b(?:khirki|"
    r"khidki|khirkee|window|shisha|sheesha)\s+(?:\w+\s+)?(?:tor|todh|torh|tod)\w*\s*(?:raha|rahi|"
    r"rahe|rha|rhi|rhe|ne\s+ki)",
    r"\b(?:darwaz\w*|door|gate)\s+(?:pe|par|per|"
    r"ko)\s+(?:\w+\s+)?(?:zor\s+(?:zor\s+)?se\s+(?:\w+\s+)?(?:maar|mar|peet|pit|thok|khatkhata|baja|bajaa)|"
    r"laat\w*\s+maar|peet|pit|thokar\w*\s+maar)\w*\s*" + _PROG,
    r"\b(?:darwaz[ae]y?|darwaaz[ae]y?|darwazy|door|gate)\s+(?:ko\s+)?(?:zor\s+(?:zor\s+)?se\s+"
    r"(?:khatkhata|khatkha|baja|bajaa|thok|peet|pit|maar|mar)|peet|pit|dhakka|dhakke|dhakel|laat|"
    r"laatein|laaten|thokar)\w*\s*(?:raha|rahi|rahe|rha|rhi|rhe|maar)",
    _NOT_NOW + r".*\bghu+ss?\s*(?:aya|aaya|aye|aaye|aai|aayi|ayi|gaya|gaye|gayi|gya|gye|gyi|raha|rahi|rahe|"
    r"rha|rhe)\b|\bghus[ae]\s+(?:hua|hue|huye|hui)\b",
    r"\b(?:andar|ander|ghar\s+mein|ghar\s+me)\s+(?:aane|ane|anay|aanay|ghusne|ghusnay|aana)\s+(?:ki|ke)"
    r"\s+(?:koshish|kosis|koshesh|kosish|koshsh)|\b(?:darwaz\w*|taala|tala|lock|khirki|khidki|window|"
    r"door)\s+(?:kholne|kholnay|todne|todnay|torne|tornay)\s+(?:ki|ke)\s+(?:koshish|kosis|kosish)",
    r"\b(?:ghar|kamre|kamray|kitchen|room|basement)\s+(?:mein|me|main|mai)\s+(?:koi\s+)?(?:chor|daku|"
    r"dakoo|dakait|ajnabi|anjaan|anjan)\b|\b(?:chor|daku|dakoo|dakait|ajnabi)\s+(?:ghar\s+(?:mein|me|"
    r"main|mai)|andar|ander|neeche|niche|upar|ooper|kamre)\b",
    r"\b(?:qadmon|kadmon|qadam|kadam)\s+(?:ki\s+)?(?:aawaz|awaz|awaaz)",
    r"^(?!.*\b(?:camera|kamera|paise|paisa|cheez|saman|samaan|mic|suraj|chand)\b).*"
    r"\b(?:main|mein|mai|hum|ham|wo|woh|vo|voh|bache|bachay|bachon|ammi)\s+(?:\w+\s+){0,2}?"
    r"(?:chh?upi|chh?upa|chh?upe|chh?uppi|chh?uppa)\s+(?:hui|hua|hue|huye|hoi|hoe|huyi|betha|baitha|"
    r"baithi|bethi)\b|\bchh?up\s+(?:gayi|gaya|gaye|gai|gya|gyi)\b|\bchhup\s+(?:rahi|raha|rahe|kar|"
    r"ke)\b",
    # followed or chased now
    r"\b(?:peecha|picha|pecha|peicha|pichha|peechha|peechaa|pichaa|pichhaa|peechhaa)\s+(?:kar|kr|ker)"
    r"\s*(?:raha|rahi|rahe|rha|rhi|rhe|rahay|rahey)",
    r"\b(?:mere|meray|hamare|humare|hamaray)\s+(?:peeche|pichhe|piche|peechay|pichay|peechey|"
    r"peechhe|pechay|peche)\s+(?:\w+\s+)?(?:aa|a|chal|lag|par|pad|parh|bhaag|bhag|daur|dor|dour|"
    r"aata|aati)\s*(?:raha|rahi|rahe|rha|rhi|rhe|gaya|gayi|gaye|gya|gyi|hua|hui|hai|he|h)\b",
    r"^(?!.*\b(?:insta\w*|tiktok|twitter|facebook|fb|snap\w*|youtube|online|social|account|page)\b)"
    r".*\bfollow\s+(?:kar|kr|ker)\s*" + _PROG,
    # held, locked in, kidnapped, trapped
    r"\b(?:" + _ME + r"|bachon\s+ko|beti\s+ko|bete\s+ko|ammi\s+ko)\s+(?:(?:kamre|kamray|room|ghar|"
    r"bathroom|washroom|kitchen|store|garage|car|gaari|gari|basement|tehkhane|andar|ander)\s+(?:(?:mein|"
    r"me|main|mai|mei)\s+)?)?(?:band|qaid|lock|locked)\s+(?:kar|kr|ker)\s*(?:diya|dia|di|diye|rakha|"
    r"rakhi|rakhay|ke|ky|k)\b",
    r"\b(?:kamre|kamray|room|bathroom|washroom|toilet|store|garage|gaari|gari|car|basement|tehkhane|"
    r"lift|andar|ander)\s+(?:(?:mein|me|main|mai|mei)\s+)?(?:band|qaid|lock|locked|phans\w*|phas\w*)"
    r"\s+(?:hoon|hun|hu|hain|hai|he|h|kar|kr|ho|hue|huye|hui|hua|gaya|gayi|gaye|gai|gya|gyi|diya|dia)\b",
    r"\bqaid\s+(?:mein|me|main|kar|kr|rakha|rakhi)\b|\b(?:agwa|aghwa|agwaa|aghwaa|yarghamal|"
    r"yurghamal)\b|\bkidnap\s+(?:kar|kr|ho|hu)\w*",
    r"\b(?:jaane|jane|janay|nikalne|nikalnay|nikalna)\s+" + _NOT + r"\s+(?:de|dey|day)\s*" + _PROG,
    # someone collapsed, unconscious, fitting, turning blue; cannot stand
    r"\b(?:be\s*hosh|bay\s*hosh|behoo?sh|beyhosh|bahosh)\b|\bhosh\s+(?:kho|gawa|ganwa|gum)\w*",
    r"\bgir\s+(?:gaya|gayi|gai|gya|gyi|pada|padi|pari|para|parha|parhi|gaye)\s+(?:(?:hai|he|h)\s+)?"
    r"(?:aur|or|r)\s+(?:\w+\s+)?(?:hil|uth|bol|jaag|jag|hosh|saans|sans)\b",
    r"\bhosh\s+(?:mein|me|main)\s+" + _NOT + r"\b",
    _NOW_FINE + r".*\b(?:sui|needle|injection|injecshun)\s+(?:\w+\s+)?(?:chubh\w*|chubo\w*|chubho\w*|"
    r"laga\s+(?:di|diya|dia|raha|rahe)|lagayi|lagai|lagi|ghonp\w*|maar\s+(?:di|diya|dia))\b(?!\s+(?:thi|"
    r"tha)\b)",
    r"^(?=.*(?:" + _SPIKED + r"|\bhosh\s+(?:mein|me|main)\s+" + _NOT + r"|\bbehosh|"
    r"\bbe\s*hosh))(?=.*\b(?:le\s+ja|ghaseet|ghasit|kheench|khench|khainch|utha\s+ke\s+le\s+ja)\w*\s*"
    + _PROG + r")",
    r"\b(?:gaari|gari|car|van|taxi)\s+(?:mein|me|main)\s+(?:zabardasti\s+)?(?:daal|dal|bitha|kheench|khench|"
    r"ghaseet|le\s+ja)\w*\s*" + _PROG + r"|\bzabardasti\s+(?:\w+\s+){0,3}?(?:daal|dal|bitha|kheench|khench|"
    r"ghaseet|le\s+ja)\w*\s*" + _PROG + r"|\b(?:kheenchne|khenchne|khainchne|ghaseetne|daalne|bithane)\s+"
    r"(?:ki|ke)\s+(?:koshish|kosis|kosish)",
    r"\b(?:jawab|jawaab|response)\s+(?:bhi\s+)?" + _NOT + r"\s+(?:de|dey)\s*" + _PROG + r"(?!.*\b(?:phone|"
    r"call|msg|message|text|whatsapp)\b)",
    r"\b(?:mere|meray|hamare|humare)\s+(?:peeche|pichhe|piche|peechay|pichay|peechhe)\s+(?:(?:abhi|ab|"
    r"kab\s+se)\s+)?(?:hai|he|h|hain|laga|lage|para|pada|pari)\b",
    r"\b(?:main|mein|mai|hum|ham)\s+(?:\w+\s+){0,3}?(?:chh?upi|chh?upa|chh?upe)\s+(?:hoon|hun|hu|hain|hn)\b",
    r"\bhil\s+(?:bhi\s+)?" + _NOT + r"\s+" + _PROG + r"\b",
    _NOT_A_LIE_IN + r".*\b(?:uth|uthh)\s+(?:hi\s+)?" + _NOT + r"\s+" + _PROG + r"\b",
    r"\b(?:daura|dora|dorah|dauraa|dorra|daure|dore)\s+(?:(?:pad|parh|padh|par)\s*(?:raha|rahi|rahe|"
    r"gaya|gayi|gya|gyi)|(?:aa|a)\s*(?:raha|rahi|gaya|gayi))|\bmirgi\b|\bjhatk[ae]y?\s+(?:lag|aa|a|"
    r"le|kha)\s*(?:rahe|raha|rahi|rhe|rha)",
    r"\b(?:neela|nila|neeli|nili|neele|nile|neelay)\s+(?:par|pad|parh|padh|ho)\s*(?:raha|rahi|rahe|"
    r"rha|rhi|gaya|gayi|gaye|gya|gyi)|\b(?:hont|honth|hoont|honton|hothon|hoth)\s+(?:\w+\s+)?"
    r"(?:neele|nile|neelay|neela|neeli)",
    r"\b(?:khara|khari|khare|kharay|khada|khadi|khade|khaddi)\s+(?:bhi\s+)?" + _NOT + r"\s+(?:ho|hua|"
    r"hue|hui)\s*(?:pa|paa|sak|saki|sakti|sakta|sakte|raha|rahi|rahe|rha|rhi)|\b(?:tangein|taangein|"
    r"tangen|tangain|taangon|pair|paon|paaon|pairon)\s+(?:\w+\s+)?(?:mehsoos|mehsus|mahsoos|mehsos|"
    r"feel)\s+" + _NOT,
    r"\b(?:saans|sans)\s+(?:lene|lenay|leney)\s+(?:mein|me|main)\s+(?:mushkil|dikkat|diqqat|takleef|"
    r"taklif|pareshani|masla)",
    # asking for help now
    r"^\W*(?:" + _FILL + r"\W+)*" + _CRY + r"(?:\W+(?:" + _FILL + "|" + _CRY + r"))*\W*$",
    r"^\W*(?:(?:plz|pls|please|allah|ya\s+allah|koi)\s+)?(?:bacha+o+|bachaa+o+)\b(?!\s+(?:ke|ki|ka|"
    r"kaise|kese|kesay|tips|scheme|yojna|abhiyan|mohim|muhim|paise|paisa|paison|bijli|pani|paani|energy|"
    r"gas|time|waqt)\b)",
    r"\b(?:" + _ME + r"|koi|(?:meri|mere|meray|hamari|hamare)\s+\w+\s+ko|bachon\s+ko|bache\s+ko|beti\s+ko|"
    r"bete\s+ko|ammi\s+ko)\s+(?:koi\s+)?(?:bacha+o+|bachaa+o+|bacha\s*lo|bachalo|bacha\s+lein|"
    r"bachaa\s*lo|bachaiye|bachayein|bachaye|bacha\s+lijiye)\b",
    r"\b(?:police|polis|pulis|poolis|ambulance|ambulence|ambulens|999)\s+(?:(?:ko|pe|par|per)\s+)?(?:bulao|"
    r"bulaao|bula\s*lo|bulalo|bulaen|bulayein|bulaiye|bulaein|bulwao|bhejo|bhejen|bhejiye|bhejain|call\s+"
    r"(?:karo|kro|karein|karen|kren|kar\s+do|krdo)|phone\s+(?:karo|kro|karein)|milao)\b|"
    r"\b(?:ambulance|ambulence|ambulens)\s+(?:chahiye|chaiye|chahye|chahiay|chahie)\b",
    r"\b(?:khatr[ae]y?|khatrey|khatray|khatarey|khatare|khatra)\s+(?:mein|me|main|mai|mn|mei)\s+"
    r"(?:hoon|hun|hu|hain|hai|he|h|hy|hn|ho|hon)\b|\bjaa?n\s+(?:ko\s+)?khatr\w*\b(?!\s+" + _NOT
    + r"\b)",
    r"\bemergency\s+(?:hai|he|h|hy|hay)\b",
    # found out where one lives
    r"\b(?:mera|hamara|humara|mere|meri)\s+(?:(?:naya|nai|new)\s+)?(?:pata|address|ghar|location)\s+"
    r"(?:\w+\s+){0,2}?(?:chal|laga|lag|mil|dhoond)\s*(?:gaya|liya|lia|gya|gayi)",
    # self-harm and suicide, said of oneself or of someone else
    r"\bkhud\s*(?:k[ua]shi|khushi|khashi|kshi|kushee|khusi)\b|\bsuicide\s+(?:kar|karna|kr|karne|krne|"
    r"karungi|karunga|krna|kar\s+lun|kar\s+loon|kar\s+lunga|kar\s+lungi)",
    r"\b(?:khud|apne\s+aap|apne\s+ap|khud\s+apne\s+aap)\s+ko\s+(?:\w+\s+)?(?:maar|mar|khatam|khatm|"
    r"nuqsa+n|nuksa+n|zakhmi|kaat|kat|hurt|harm|jala|jalaa|phansi)\w*|\bapni\s+(?:jaa?n|zindagi)\s+"
    r"(?:le|lay|lai|lene|lena|lenay|khatam|khatm)\w*",
    r"\b(?:saari|sari|saare|sare|sab|tamam|bohat\s+si|bahut\s+si|bohot\s+si|bohat\s+sari|bahut\s+sari|"
    r"bohot\s+sari|puri|poori|pura|poora|ek\s+patta|poora\s+patta|puri\s+bottle|puri\s+sheeshi|kai|"
    r"dher\s+sari|mutthi\s+bhar)\s+(?:\w+\s+)?(?:goli|goliyan|goliyaan|golian|gooliyan|golion|tablets?|"
    r"pills?|dawai|dawaiyan|dawaen|dawa|panadol|paracetamol)\s+(?:\w+\s+)?(?:kha|khaa|nigal|nigl|"
    r"nighal|le|lay)\s*(?:li|lee|lin|lein|liye|lie|liya|lia|gaya|gayi|gai|gaye|gya|gyi|raha|rahi|rahe|"
    r"lunga|lungi|loon|lun|jaunga|jaungi)\b",
    r"\bneend\s+(?:ki|ke)\s+(?:goli|goliyan|goliyaan|golian|tablets?|pills?|dawai)\s+(?:\w+\s+)?"
    r"(?:kha|khaa|nigal|nigl|le)\s*(?:li|lee|lin|lein|liye|liya|lia|gaya|gayi|gai|gaye)|"
    r"\boverdose\s+(?:le|lay|kar|kr|ho|li|liya|lia)\b",
    r"\b(?:pul|pull|bridge|chhat|chhath|chath|chhatt|building|imarat|balcony|balkoni|balconi|manzil|"
    r"train|railway|patri|nehar|nahar|darya|river)\s+(?:\w+\s+){0,2}?(?:se|say|ke\s+aage|ke\s+agay|"
    r"ke\s+agey|mein|me)\s+(?:(?:neeche|niche)\s+)?(?:kood|kud|khood|chhalang|chalang|chhlang|"
    r"chalaang|chhalaang|jump)",
    r"\b(?:pul|pull|bridge|chhat|chhath|chath|building|imarat|balcony|balkoni)\s+(?:(?:ke|ki)\s+)?"
    r"(?:kinare|kinaray|kanare|edge|munder|mundair|railing|jangle|jangla)\s+(?:par|pe|per|pr)\s+"
    r"(?:khara|khari|khare|khada|khadi|khade|betha|baitha|baithi)",
    r"\b(?:phansi|phaansi|phansee)\s+(?:laga|lagaa|lagane|lagana|le|lay|lene|lena)\w*|\bphanda\b",
    r"\b(?:nas|nasein|naseen|kalai|kalaai|wrist)\s+(?:\w+\s+)?(?:kaat|kat|kaati|kati|kaata|kata)\w*",
    r"\b(?:msg|message|text)\s+(?:\w+\s+)?alvida\b|\balvida\s+(?:ka\s+)?(?:msg|message|text)\b",
    r"\bjeene\s+(?:ka|ko|ki)\s+(?:dil|mann|man|khwahish|wajah)\s+" + _NOT + r"\b|\bzindagi\s+se\s+"
    r"(?:thak|tang|bezaar|bezar)\w*",

    # ---- Urdu script ----
    _U_NOT_A_WEAPON + _U_NOT_NOW + r".*" + _U_WEAPON,
    _U_NOT_A_WEAPON + _U_NOT_NOW + r".*(?:(?:اس|ان)\s?(?:کے|کي)|(?<!\S)\S+\s+کے)\s+(?:پاس|"
    r"هاته)\s+(?:ميں\s+)?(?:ايک\s+)?(?:" + _U_WEAPON + r"|ڈنڈا|ڈنڈے|لاٹهي|راڈ|سريا|گن|نايف|تلوار)",
    r"(?:چاقو|چهري|چهرا|خنجر|بندوق|پستول|تمنچه|تلوار|گن|نايف)\s+(?:لے کے|لے کر|ليکر|ليے|ليے|ليا|"
    r"دکها\S*|نکال\S*|تان\S*|کے ساته|سے\s+(?:مار|حمله|دهمکا|وار|زخمي))",
    r"(?:ڈنڈے|ڈنڈا|لاٹهي|لاٹهيوں|راڈ|سريے|اينٹ|اينٹوں|پتهر|پتهروں|هتهوڑے|بوتل|بيلٹ)\s+سے\s+(?:\S+\s+)?"
    r"(?:مار|پيٹ|حمله|پٹايي|وار)",
    r"(?:چاقو|چهري|چهرا|خنجر)\s+(?:\S+\s+)?(?:مار|مارا|ماري|گهونپ|لگ|لگا|چلا)\S*",
    r"گولي\s+(?:\S+\s+)?(?:مار|چل|چلا|چلايي|لگي|لگ|چلي)\S*|گولياں\s+(?:چل|چلا)\S*|فايرنگ\s+(?:هو|کر|هويي)",
    r"تيزاب\s+(?:\S+\s+)?(?:پهينک|ڈال|گرا)\S*",
    _U_OBJ + r"\s+(?:(?:بهت|بري طرح|زور سے|پهر سے|پهر|دوباره|ابهي)\s+){0,2}(?:مار|پيٹ|مارپيٹ|مار پيٹ|"
    r"پٹايي کر)\s*" + _U_PROG,
    r"(?:مارا|پيٹا|گهسيٹا)\s+جا\s+(?:رها|رهي|رهے)|(?<!\S)\S+\s+کو\s+(?:\S+\s+){0,4}?(?:مار|پيٹ|پٹايي کر)\s*"
    + _U_PROG,
    r"(?:بوتليں|بوتل|پتهر|اينٹيں|اينٹ|انڈے)\s+(?:\S+\s+)?(?:پهينک|مار|برسا)\S*\s*(?:رها|رهي|رهے)",
    r"(?:پر|کي طرف|کے اوپر)\s+(?:\S+\s+)?(?:گاڑي|کار|ٹرک|وين)\s+(?:\S+\s+)?(?:دوڑا|چڑها|چلا)\s*"
    + _U_PROG,
    r"(?:ڈنڈا|ڈنڈے|لاٹهي|لاٹهياں|بيٹ|هاکي|راڈ|سريا|سريے|هتهوڑا)\s+(?:لے کے|لے کر|ليکر|ليے|ليے|اٹهايے)"
    r"|(?:" + _U_WEAPON + r"|تلوار|ڈنڈا)\s+(?:\S+\s+)?لهرا\S*",
    r"(?:گاڑي|وين|کار|ٹيکسي)\s+ميں\s+(?:زبردستي\s+)?(?:ڈال|بٹها|کهينچ|گهسيٹ|لے جا)\S*\s*" + _U_PROG
    + r"|زبردستي\s+(?:\S+\s+){0,3}?(?:ڈال|بٹها|کهينچ|گهسيٹ|لے جا)\S*\s*" + _U_PROG
    + r"|(?:کهينچنے|گهسيٹنے|ڈالنے|بٹهانے)\s+کي\s+کوشش",
    r"^(?=.*(?:" + _U_SPIKED + r"|هوش\s+ميں\s+نهيں|بے ?هوش|بيهوش))(?=.*(?:لے جا|گهسيٹ|کهينچ)\S*\s*"
    + _U_PROG + r")",
    _U_NOW_FINE + r"(?!.*(?:تهي|تها|تهے|ٹهيک هے|ٹهيک هيں)).*(?:سويي|سوي|انجکشن|سرنج)\s+(?:\S+\s+)?(?:چبه|"
    r"چبهو|لگا|لگي|مار|گهونپ)\S*",
    r"جواب\s+(?:بهي\s+)?نهيں\s+دے\s*" + _U_PROG + r"(?!.*(?:فون|کال|ميسج))",
    r"(?:ميرے|همارے)\s+پيچهے\s+(?:(?:ابهي|کب سے)\s+)?(?:هے|هيں|لگا|لگے|پڑا)|(?:چهپي|چهپا|چهپے)\s+هوں",
    r"هوش\s+ميں\s+نهيں(?!\s+ا)",
    r"(?:تهپڑ|تهپڑوں|گهونسے|مکے|لاتيں|لاتوں)\s+(?:\S+\s+)?مار\s*" + _U_PROG,
    r"(?:مار پيٹ|مارپيٹ|پٹايي)\s+(?:هو|کر)\s*" + _U_PROG,
    r"حمله\s+(?:کر|هو)\s*(?:رها|رهي|رهے|ديا|دي|گيا)|گلا\s+(?:دبا|گهونٹ)\s*" + _U_PROG,
    r"جان\s+سے\s+(?:مار|ختم)",
    r"(?<!مچهر )(?<!چکر )(?<!\S)مار\s*(?:دوں گا|دونگا|دوں گي|دونگي|دے گا|ديگا|دے گي|ديگي|ديں گے|دينگے|"
    r"ڈالوں گا|ڈالونگا|ڈالوں گي|ڈالے گا|ڈاليگا|ڈاليں گے|ڈالينگے)",
    r"(?:قتل|خون)\s+کر\s*(?:دوں گا|دونگا|دے گا|ديگا|ديں گے|دينگے|ديا|دي)",
    r"(?:تجهے|تمهيں|اسے|مجهے|هميں|سب کو|بچوں کو)\s+(?:\S+\s+)?(?:ختم|مار|ٹکڑے)\s+کر\s*(?:دوں گا|"
    r"دونگا|دے گا|ديگا|ديں گے|دينگے)",
    r"زنده\s+(?:نهيں|نه)\s+(?:چهوڑ)\S*|زنده\s+(?:جلا|گاڑ|دفنا)\S*",
    r"(?:مارنے|قتل|جان سے مارنے|تيزاب|چاقو|گولي)\s+(?:کي|کے)\s+دهمک\S*|دهمکا\s*" + _U_PROG
    + r"|جان\s+لے\s*(?:لے گا|ليگا|ليں گے|لوں گا|لونگا)",
    r"^(?!.*اگر\s+(?:\S+\s+){0,3}?اگ).*(?<!\S)اگ\s+(?:لگا|لگ|لگي|لگايي|لگنے)(?!\s*(?:جايے|سکتي))|"
    r"دهواں\s+(?:هي دهواں|بهر گيا|هر طرف)",
    r"(?:گهر|مکان|فليٹ|گاڑي|دکان|عمارت)\s+(?:\S+\s+)?جل\s*(?:رها|رهي|رهے|گيا|گيي)",
    r"(?:گهر|تجهے|تمهيں|سب کو|بچوں کو)\s+(?:\S+\s+)?(?:جلا|اگ لگا)\s*(?:دوں گا|دونگا|دے گا|ديگا|"
    r"ديں گے)|پيٹرول\s+(?:چهڑک|پهينک|انڈيل)\S*",
    _U_NOT_A_CALLER + _U_NOT_NOW + r".*(?:کويي|ميرا ايکس|ميرا سابق شوهر|سابق شوهر|ايکس|اجنبي|چور|ڈاکو|غنڈے|"
    r"ادمي|لڑکے|کچه لوگ|لوگ)\s+(?:(?:ابهي|پهر سے|پهر|دوباره)\s+)?(?:(?:ميرے|همارے)\s+)?(?:گهر|دروازے|"
    r"دروازه|فليٹ|کهڑکي|گيٹ)\s+(?:کے\s+)?(?:باهر|سامنے|پر|په)\s+(?:(?:ابهي|پهر)\s+)?(?:کهڑا|کهڑي|"
    r"کهڑے|بيٹها|بيٹهي|بيٹهے|انتظار|هے|هيں|ا گيا|اگيا|ا گيے|چکر|جهانک|دستک)",
    _U_NOT_A_CALLER + _U_NOT_NOW + r".*(?:وه|وو)\s+(?:(?:ابهي|پهر سے|پهر|دوباره)\s+)?(?:(?:ميرے|"
    r"همارے)\s+)?(?:گهر|دروازے|دروازه|فليٹ|کهڑکي|گيٹ)\s+(?:کے\s+)?(?:باهر|سامنے|پر|په)\s+(?:(?:ابهي|"
    r"پهر)\s+)?(?:کهڑا|کهڑي|کهڑے|بيٹها|بيٹهي|بيٹهے|انتظار|چکر|جهانک|دستک)",
    r"(?:دروازه|دروازے|گيٹ|تالا)\s+(?:\S+\s+)?توڑ\S*\s*(?:رها|رهي|رهے|ديا|دي|کر|کے|نے)|(?:کهڑکي|شيشه)"
    r"\s+(?:\S+\s+)?توڑ\S*\s*(?:رها|رهي|رهے)",
    r"(?:دروازه|دروازے|گيٹ)\s+(?:کو\s+)?(?:زور زور سے\s+|زور سے\s+)?(?:پيٹ|دهکے|دهکا|لاتيں|ٹهوکر)\S*"
    r"\s*(?:رها|رهي|رهے|مار)",
    r"(?:گهر|اندر|کمرے)\s+(?:ميں\s+)?گهس\s*(?:ايا|ايے|ايي|گيا|گيے|گيي|رها|رهي|رهے)|"
    r"(?:اندر|گهر ميں)\s+(?:انے|گهسنے)\s+کي\s+کوشش|(?:دروازه|دروازے|تالا|کهڑکي)\s+(?:کهولنے|"
    r"توڑنے)\s+کي\s+کوشش",
    r"(?:گهر|کمرے)\s+ميں\s+(?:کويي\s+)?(?:چور|ڈاکو|اجنبي)|(?:چور|ڈاکو|اجنبي)\s+(?:گهر ميں|اندر|نيچے|"
    r"اوپر)|قدموں\s+کي\s+اواز",
    r"(?:چهپي|چهپا|چهپے)\s+(?:هويي|هوا|هويے|بيٹهي|بيٹها|بيٹهے)\s+(?:هوں|هيں)|(?:وه|بچے|"
    r"امي)\s+(?:\S+\s+){0,2}?(?:چهپي|چهپا|چهپے)\s+(?:هويي|هوا|هويے)\s+هے|(?:ميں|"
    r"هم)\s+(?:\S+\s+){0,2}?چهپ\s+(?:گيي|گيا|گيے|رهي|رها|رهے|کر بيٹه)",
    r"پيچها\s+کر\s*" + _U_PROG + r"|(?:ميرے|همارے)\s+پيچهے\s+(?:\S+\s+)?(?:ا|چل|لگ|پڑ|بهاگ)\S*\s*"
    r"(?:رها|رهي|رهے|گيا|گيي|گيے)",
    r"(?:مجهے|هميں|بچوں کو|بيٹي کو|بيٹے کو|امي کو)\s+(?:(?:کمرے|کمره|گهر|باته روم|غسل خانے|اندر|گاڑي|"
    r"کار)\s+(?:ميں\s+)?)?(?:بند|قيد)\s+کر\s*(?:ديا|دي|رکها|رکهي|کے)",
    r"(?:کمرے|باته روم|غسل خانے|گاڑي|لفٹ|اندر)\s+(?:ميں\s+)?(?:بند|قيد|پهنس\S*)\s+(?:هوں|هيں|هے|هو|"
    r"هويے|هويي|هوا|گيا|گيي|گيے)",
    r"اغوا|يرغمال|(?:جانے|نکلنے|باهر جانے)\s+نهيں\s+دے\s*" + _U_PROG,
    r"بے ?هوش|بيهوش|هوش\s+کهو|هل\s+(?:بهي\s+)?نهيں\s+" + _U_PROG,
    r"گر\s+(?:گيا|گيي|پڑا|پڑي)\s+(?:هے\s+)?اور\s+(?:\S+\s+)?(?:هل|اٹه|بول|جاگ|هوش|سانس)",
    _U_NOT_A_LIE_IN + r".*اٹه\s+(?:هي\s+)?نهيں\s+" + _U_PROG,
    r"دوره\s+(?:پڑ|ا)\s*(?:رها|رهي|رهے|گيا|گيي)|مرگي|جهٹکے\s+(?:لگ|ا)\s*(?:رهے|رها)",
    r"(?:نيلا|نيلي|نيلے)\s+(?:پڑ|هو)\s*(?:رها|رهي|رهے|گيا|گيي|گيے)|هونٹ\s+(?:\S+\s+)?نيلے",
    r"(?:کهڑا|کهڑي|کهڑے)\s+(?:بهي\s+)?نهيں\s+هو\s+(?:پا|سک)\S*|سانس\s+لينے\s+ميں\s+(?:مشکل|دقت|تکليف)",
    r"^\W*(?:" + _U_FILL + r"\W+)*" + _U_CRY + r"(?:\W+(?:" + _U_FILL + "|" + _U_CRY + r"))*\W*$",
    r"^\W*(?:(?:پليز|يا الله|الله|کويي)\s+)?(?:بچاو|بچاو)(?!\s+(?:کے|کي|کا|کيسے|مهم))",
    r"(?:مجهے|هميں|کويي|(?:ميري|ميرے|هماري|همارے)\s+\S+\s+کو|بچوں کو|بچے کو|بيٹي کو|بيٹے کو)\s+"
    r"(?:کويي\s+)?(?:بچاو|بچاو|بچا لو|بچالو|بچاييں|بچاييے|بچا ليں)",
    r"(?:پوليس|ايمبولينس|ايمبولنس)\s+(?:کو\s+)?(?:بلاو|بلاو|بلا لو|بلاييں|بلاييے|بهيجو|بهيجيں|بهيجيے)|"
    r"ايمبولينس\s+چاهيے",
    r"خطرے\s+ميں\s+(?:هوں|هيں|هے|هو)|جان\s+(?:کو\s+)?خطره(?!\s+نهيں)",
    r"(?:ميرا|همارا)\s+(?:نيا\s+)?(?:پته|ايڈريس|گهر)\s+(?:\S+\s+){0,2}?(?:چل|لگا|لگ|مل)\s*(?:گيا|ليا)",
    r"خود\s*کشي|(?:خود|اپنے اپ)\s+کو\s+(?:\S+\s+)?(?:مار|ختم|نقصان|زخمي|کاٹ|جلا)|اپني\s+(?:جان|زندگي)"
    r"\s+(?:لے|لينے|لينا|ختم)",
    r"(?:ساري|سب|تمام|بهت سي|بهت ساري|پوري|پورا|ايک پتا|نيند کي)\s+(?:\S+\s+)?(?:گولياں|گولي|دوايي|"
    r"دوايياں|ٹيبلٹس|گوليوں)\s+(?:\S+\s+)?(?:کها|نگل)\s*(?:لي|ليں|ليا|گيا|گيي|گيے|لوں گا|لوں گي|"
    r"لونگا|لونگي)",
    r"(?:پل|چهت|بلڈنگ|عمارت|بالکوني|ٹرين|نهر|دريا)\s+(?:\S+\s+)?(?:سے|کے اگے|ميں)\s+(?:نيچے\s+)?"
    r"(?:کود|چهلانگ)|پهانسي\s+(?:لگا|لے|لگانے|لينے)|پهندا|(?:نس|نسيں|کلايي)\s+(?:\S+\s+)?کاٹ",
    r"جينے\s+(?:کا|کو)\s+دل\s+نهيں|زندگي\s+سے\s+(?:تهک|تنگ|بيزار)",
)

PRESENT = (
    # ---- Roman Urdu ----
    # not breathing
    r"\b(?:saa?ns|sanss)\s+(?:bhi\s+)?" + _NOT + r"\s+(?:le|ley|lay|lai)\s*(?:raha|rahi|rahe|rha|rhi|"
    r"rhe|pa\s*(?:raha|rahi|rahe|rha|rhi)|sak\w*)(?!\s+(?:tha|thi|the|thay)\b)",
    r"\b(?:saans|sans|sanss|saanss)\s+(?:bhi\s+)?" + _NOT + r"\s+(?:aa|a)\s*(?:rahi|raha|rhi|rha|rahe)"
    r"(?!\s+(?:tha|thi|the|thay)\b)|"
    r"\b(?:saans|sans|saanss)\s+(?:ruk|band|bnd|ukhar|atak)\s*(?:gayi|gai|gyi|gaya|gya|ho\s+gayi|"
    r"ho\s+gai|ho\s+gyi|rahi|raha|ho\s+rahi)",
    # won't wake (not a lie-in before school or work)
    _NOT_A_LIE_IN + r".*\b(?:jaag|jag|jaaga|jaga)\s+(?:hi\s+)?" + _NOT + r"\s+(?:raha|rahi|rahe|rha|rhi|"
    r"rhe|pa\s+raha|pa\s+rahi)(?!\s+(?:tha|thi|the|thay)\b)",
    r"\bhosh\s+(?:mein|me|main|mai)\s+" + _NOT + r"\s+(?:aa|a)\s*" + _PROG + r"|\bhosh\s+" + _NOT
    + r"\s+(?:aa|a)\s*(?:raha|rahi|rha|rhi)(?!\s+(?:tha|thi|the|thay)\b)",
    # spiked, and now cannot stand, walk or see
    _NOW_FINE + r"(?=.*" + _SPIKED + r")(?=.*" + _FALLING + r")",
    # a child, relative or friend missing now
    _NOT_FOUND_AGAIN + r".*\b(?:(?:ammi|ammi\s+jaan|amma|abbu|abba|dadi|dada|nani|nana)\b|"
    + _MY + r"\s+(?:(?:(?:\d+|ek|aik|do|teen|tin|char|chaar|panch|paanch|chhe|che|saat|sat|aath|"
    r"ath|nau|das|dus)\s+(?:saal|sal)\s+(?:ka|ki|ke)|chhota|chota|"
    r"choti|chhoti|chhote|chote|bara|bari|bada|badi|budhi|boodhi|budha)\s+)*" + _KIN + r"\b)(?!\s+"
    r"(?:hua|hui|huwa|kucha|ki|ka|ke|kee)\b)[^.!?,،]{0,30}?" + _GONE,
    # not safe, said of oneself
    r"\b(?:main|mein|mai|me|mn|hum|ham)\s+(?:(?:abhi|yahan|yahaan|ghar\s+(?:mein|me)|bilkul|bilkul\s+"
    r"bhi)\s+)?(?:mehfooz|mehfuz|mahfooz|mahfuz|mehfoz|mahfoz|safe|surakshit)\s+" + _NOT
    + r"\b(?!\s+(?:tha|thi|the|thay|thee)\b)",
    r"\b(?:mehfooz|mehfuz|mahfooz|mahfuz|mehfoz|safe|surakshit)\s+" + _NOT + r"\s+(?:hoon|hun|hu|"
    r"hn|hon|hoo)\b",
    # wanting to die
    r"\b(?:marna|marnaa|mar\s+jana|mar\s+jaana|marjana)\s+(?:chahta|chahti|chahte|chahata|chahati|"
    r"chata|chati|chaahta|chaahti|chahtay|chahun|chahoon)\b",
    r"\b(?:jeena|jina|jeeena|jeenaa|zind[ae]h?\s+(?:rehna|rahna|rehnaa))\s+" + _NOT + r"\s+(?:chahta|"
    r"chahti|chahte|chata|chati|chahata|chahati|chahtay)\b",
    r"\bzind[ae]h?\s+" + _NOT + r"\s+(?:rehna|rahna|rehnaa)\s+(?:chahta|chahti|chahte|chata|chati|chahtay|"
    r"hai|he|h)\b|\b(?:mujhe|mujhay|mjhe|muje)\s+(?:(?:bas|ab|sirf)\s+)?(?:marna|mar\s+jana|"
    r"mar\s+jaana)\s+(?:hai|he|h)\b|\b(?:mujhe|mujhay|mjhe|muje)\s+(?:ab\s+)?" + _NOT
    + r"\s+(?:jeena|jina)\b",
    # found by the one they fled
    r"\b(?:usne|usnay|us\s+ne|unhone|unhon\s+ne|unho\s+ne|ex\s+ne|shohar\s+ne|husband\s+ne)\s+"
    r"(?:\w+\s+)?(?:mujhe|mujhay|hamein|humein|hame|hume|mjhe|muje)\s+(?:\w+\s+)?(?:dhoo?n?dh?|"
    r"dhun?dh?|dhondh?|talash)\s*(?:liya|lia|li|nikala|nikali|kar\s+liya|kar\s+lia|kr\s+liya)\b|"
    r"\b(?:woh|wo|vo|voh|ex|shohar)\s+(?:\w+\s+)?(?:mujhe|hamein|humein|mjhe)\s+(?:dhoo?n?dh?|"
    r"dhun?dh?)\s*(?:liya|lia|nikala|chuka|chuki)",

    r"\b(?:aankh\w*|ankh\w*)\s+(?:\w+\s+)?(?:ulat|palat|ghoom|charh|chadh)\s*(?:rahi|raha|rahe|gayi|gai|"
    r"gayin)",
    # ---- Urdu script ----
    r"انکهيں\s+(?:\S+\s+)?(?:الٹ|پلٹ|گهوم|چڑه)\s*(?:رهي|گيي|گييں)",
    r"سانس\s+(?:بهي\s+)?نهيں\s+(?:لے|ا)\s*(?:رها|رهي|رهے|پا رها|پا رهي|پا رهے|سک\S*)(?!\s*(?:تها|تهي|تهے))|"
    r"سانس\s+(?:رک|بند|اکهڑ)\s*(?:گيي|گيا|رهي|هو گيي)",
    _U_NOT_A_LIE_IN + r".*(?:جاگ|جگا)\s+(?:هي\s+)?نهيں\s+(?:رها|رهي|رهے|پا رها|پا رهي|پا رهے)(?!\s*(?:تها|"
    r"تهي|تهے))",
    r"هوش\s+ميں\s+نهيں\s+ا\s*" + _U_PROG + r"(?!\s*(?:تها|تهي|تهے))",
    _U_NOW_FINE + r"(?=.*(?:" + _U_SPIKED + r"))(?=.*(?:" + _U_FALLING + r"))",
    _U_NOT_FOUND_AGAIN + r".*(?:ميرا|ميري|ميرے|همارا|هماري|همارے|ايک)\s+(?:" + _U_KIN_SAID_OF
    + r"\s+)*" + _U_KIN + r"(?!\s+(?:کي|کا|کے)\s)[^.!?,،۔]{0,30}?" + _U_GONE,
    r"(?:محفوظ|سيف)\s+نهيں\s+هوں|هم\s+(?:(?:ابهي|يهاں)\s+)?(?:محفوظ|سيف)\s+نهيں",
    r"زنده\s+نهيں\s+رهنا|مجهے\s+(?:اب\s+|بس\s+)?(?:مرنا|مر جانا)\s+هے|مجهے\s+(?:اب\s+)?نهيں\s+جينا|"
    r"(?:مرنا|مر جانا)\s+چاهت(?:ا|ي|ے)|(?:جينا|زنده رهنا)\s+نهيں\s+چاهت(?:ا|ي|ے)",
    r"(?:اس نے|انهوں نے|اسنے|ايکس نے|شوهر نے)\s+(?:\S+\s+)?(?:مجهے|هميں)\s+(?:\S+\s+)?(?:ڈهونڈ|ڈهونڈه|"
    r"تلاش کر)\s*(?:ليا|نکالا)",
)
