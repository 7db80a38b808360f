"""Italian words for danger now (see bot/safety/__init__.py).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed
by a native speaker. Standard Italian with common informal forms ("mi mena", "ti ammazzo",
"è sotto casa"); matched against `normalise`d text (no accents: "è" is "e", "più" "piu",
"un'ambulanza" keeps its straight apostrophe).

Choices a reviewer should know:
- A bare weapon word fires only when the message says nothing of buying, selling,
  cooking, a film or game, toys, crime figures or a gun licence ("set di coltelli in
  offerta", "porto d'armi"); a weapon someone has or holds ("ha un coltello da cucina",
  "con una pistola") fires whatever else is said.
- A cry for help fires as the whole message ("aiuto!", "aiutatemi vi prego"), or at its
  start with fear or someone coming after it; "ho bisogno di aiuto per..." does not. A bare
  "aiuto" fires too, though it may be a request for the menu: the model may overrule it.
  "SOS" counts only beside an Italian cry ("sos aiuto").
- "Sparare" is also "to talk rubbish" ("spara cazzate"), "mettere a fuoco" "to focus",
  "sequestro" a police seizure, "non sta in piedi" "doesn't hold up" (a story),
  "incosciente" "reckless", "mi taglio" "I cut (my hair)": those senses are left out.
- "Overdose" and "machete" are English words too, which the English words catch; here
  "machete" counts only when someone has one or comes with one.
- "Mi ucciderà" said of noise, heat, work or laughter ("questo rumore mi ucciderà") is
  left out.
- "Non sono sicuro" is "I'm not sure": only "non sono al sicuro" counts as not safe.
- "Voglio morire" counts unless "dalla vergogna / dal ridere..." follows.
- Being kept in is "non mi lascia uscire" unless followed by "con (le amiche)", "da sola",
  "la sera" (coercive control, not danger now, as in English).
- Someone missing: a child or relative who "è scomparso", "si è perso", "non è tornato a
  casa", "non si trova" is PRESENT, unless the message tells a time long past
  ("l'anno scorso", "anni fa").
"""

from __future__ import annotations

from bot.safety import both, romance

_WEAPON = (r"(?:coltell(?:o|i|accio|acci)|pugnal(?:e|i)|pistol(?:a|e)|revolver|fucil(?:e|i)|"
           r"arm(?:a|i) da fuoco|armi|(?:un'|l'|la |sua |con |d'|un')arma|balestr(?:a|e)|tirapugni|"
           r"serramanico|katana)")
# Blunt things and blades used as weapons, when someone has them or comes with them.
_BLUNT = (r"(?:machete|lam(?:a|e)|asc(?:ia|e)|accett(?:a|e)|mazz(?:a|e)(?: da baseball)?|"
          r"sprang(?:a|he)|martell(?:o|i)|sbarr(?:a|e) di ferro|bottigli(?:a|e) rott(?:a|e)|"
          r"matton(?:e|i)|baston(?:e|i)|caten(?:a|e)|piede di porco|cacciavite)")
_DET = r"(?:(?:un|una|uno|il|la|lo|i|le|gli|l'|un'|dei|delle|degli|due|tre|suo|sua|mio|mia)\s*)?"
# Weapons named with no one holding one: a film, a game, shopping (shared: romance.py).
_NOT_A_THREAT, _NOT_FICTION = romance.NOT_A_THREAT, romance.NOT_FICTION
_unless = romance.unless
_OBJ = r"(?:mi|ti|lo|la|ci|vi|li|le|gli|l')"
_REL = (r"(?:figli[oa]?|figlie|bambin[oaie]|bimb[oaie]|piccol[oa]|neonat[oa]|ragazzin[oa]|"
        r"mamma|madre|padre|papa|nonn[oa]|nonnin[oa]|fratell(?:o|ino)|sorell(?:a|ina)|"
        r"nipot(?:e|ino|ina)|amic[oa]|amiche|amici)")
_CHILD = (r"(?:figli[oa]|bambin[oa]|bimb[oa]|piccol[oa]|ragazzin[oa]|fratellino|sorellina|"
          r"nipotin[oa]|madre|mamma|padre|papa|nonn[oa])")
_NOT_LONG_AGO = (r"(?!.*\b(?:anno scorso|anni fa|mesi fa|settimane fa|mese scorso|"
                 r"settimana scorsa|nel (?:19|20)\d\d|per (?:\w+ )?giorni|quando (?:era|avevo|"
                 r"aveva)|da piccol[oa])\b)")
_JEST = (r"(?!\s+(?:di|dal|dalla|dalle|dai|per la) (?:ridere|risate|vergogna|noia|caldo|freddo|"
         r"fame|sonno|invidia|paura|imbarazzo|stanchezza|amore))")
_CRY = (r"(?:aiuto+|aiut(?:a|i)+mi|aiutatemi+|aiutateci|soccorso|salvatemi|salvami|"
        r"vi prego aiutatemi)")
_PLEASE = r"(?:per favore|perfavore|per piacere|vi prego|ti prego|x favore|pls)"
_SPIKED = (r"(?:(?:mess|mett|versat|buttat)\w*\s+(?:qualcosa|della droga|una pastiglia|una pillola|"
           r"qualche \w+)\s+(?:nel|nella) (?:mio |suo |sua |mia )?(?:drink|bicchiere|cocktail|"
           r"bevanda|birra|spritz)|drogat[oaie]|drogarla|drogarmi|droga dello stupro|ghb)")
_CANT_STAND = (r"(?:non (?:sta|sto|stanno|riesce a stare|riesco a stare|si regge|mi reggo|"
               r"regge|reggo) (?:piu )?in piedi|non (?:riesce|riesco|riusciva|riuscivo) (?:piu )?"
               r"(?:a|ad) (?:camminare|stare in piedi|alzar(?:si|mi)|muover(?:si|mi)|parlare|"
               r"pensare|vedere)|non sento (?:piu )?le gambe)")

# Said of heat, noise, work or laughter ("questo rumore mi ucciderà"): not a threat.
_HYPERBOLE = (r"(?!.*?\b(?:caldo|freddo|rumore|musica|lavoro|stress|esam[ei]|traffico|fame|"
              r"sonno|mal di testa|dieta|compiti|noia|fatica)\b[^.!?]{0,30}\b(?:uccid|ammazz))")


# A needle or an injection (needle spiking) with feeling faint or strange now.
# "ago" alone is English ("a week ago"), and "confused" and "nausea" are English too: every
# net sees every message, so only Italian forms are written here.
_NEEDLE = (r"\b(?:(?:con |un |l'|dell'|d'un )ago|aghi|siring\w*|punt[oa] con|puntur\w*|"
           r"punturin\w*|iniezion\w*|iniettat\w*|bucat[oa] con)\b")
_FAINT = (r"(?:gira (?:tutto|la testa)|mi gira|stordit\w*|intontit\w*|confus[oa]\b|debole|"
          r"non (?:mi )?reggo|non sto in piedi|svenire|svengo|ho la nausea|mi sento stran[oa]|"
          r"annebbiat\w*|vertigin\w*)")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # stones or bottles being thrown at a home or at people
    r"\b(?:stanno|sta) (?:tirando|lanciando|buttando)\b[^.!?]{0,25}\b(?:sassi|pietre|mattoni|"
    r"bottiglie)\b[^.!?]{0,30}\b(?:finestr\w*|vetr\w*|porta|casa|noi|nostr\w*|mia|mio)\b",
    # a weapon, or a weapon used
    _unless(_NOT_A_THREAT, r"\b" + _WEAPON + r"\b"),
    r"\b(?:ha|aveva|hanno|avevano|tiene|teneva|porta|portava|portano|tira fuori|tirato fuori|"
    r"puntato|punta|puntando|puntava|"
    r"tirando fuori|estratto|impugna\w*|brandi\w*|armat[oaie] di)\s+" + _DET + r"(?:"
    + _WEAPON + "|" + _BLUNT + r")\b(?! (?:ad|ad|a) (?:acqua|pallini|aria)| giocattolo| per "
    r"(?:silicone|colla))",
    _unless(_NOT_FICTION, r"(?<!tagliare )(?<!taglia )(?<!tagliato )(?<!sbucciare )(?<!gioca )"
    r"(?<!giocando )\bcon\s+" + _DET + r"(?:" + _WEAPON + "|" + _BLUNT
    + r")\b(?! (?:ad|a) (?:acqua|pallini)| giocattolo| per (?:silicone|colla))"),
    r"\b(?:accoltell\w*|pugnalat\w*|pugnalar\w*|coltellat\w*|sprangat\w*|sfregiat\w*)\b",
    r"\b(?:sparatori\w*|spari|colpi di (?:pistola|fucile|arma)|" + _OBJ + r" ?(?:ha|hanno|hai|"
    r"sta|stanno|vuole|vogliono)? ?spara(?:to|ndo|re|no)?\b(?! (?:cazzat\w*|stronzat\w*|balle|"
    r"grosse|grossa|prezzi))|(?:ha|hanno|sta|stanno) spara(?:to|ndo) (?:a|contro|in aria|addosso)|"
    r"(?:ha|hanno|ho sentito|sento|sentiamo) (?:sparato|degli spari|dei colpi|uno sparo|"
    r"lo sparo|spari))\b",
    r"\b(?:tir|gett|lanci|butt)\w*\s+(?:(?:mi|gli|le|ci|addosso)\s+)?(?:dell'|l')?\s*acido\b"
    r"(?! (?:folico|ialuronico|citrico|salicilico|glicolico|lattico|urico))|\bcon (?:l'|dell')?"
    r"\s*acido\b(?! (?:folico|ialuronico|citrico|salicilico|glicolico|lattico|urico))",
    # threats to kill or hurt
    _unless(_HYPERBOLE, r"\b(?:uccider|ammazzar|accoltellar|sparar|stuprar|violentar|strangolar|sgozzar|"
    r"sfregiar)(?:mi|ti|lo|la|ci|vi|li|le|gli)\b"),
    _unless(_HYPERBOLE, r"\b(?:ti|vi|lo|la|ci|li|le|vi) (?:ammazzo|uccido|accoltello|sgozzo|faccio fuori|"
    r"ammazziamo|uccidiamo|spacco la faccia|spezzo le gambe|ammazzero|uccidero)\b"),
    _unless(_HYPERBOLE, r"\b" + _OBJ + r" ?(?:vuole|vogliono|sta per|stanno per|minaccia di|minacciano di|"
    r"ha minacciato di|hanno minacciato di|cerca di|prova a|vuole solo)\s+(?:uccidere|ammazzare|"
    r"accoltellare|sparare|stuprare|violentare|picchiare|bruciare|strangolare|sfregiare|"
    r"far(?:e)? del male|menare|pestare|rapire|portare via)\b"),
    _unless(_HYPERBOLE, r"\b(?:mi|ci|ti) (?:uccidera|ammazzera|uccideranno|ammazzeranno)\b|\b(?:mi|ci|la|lo) "
    r"ammazza(?:no)?\b(?!\s+(?:di|dal|dalla|dalle|dai) (?:ridere|risate|lavoro|fatica|noia|caldo|"
    r"freddo|stanchezza|compiti))"),
    r"\bminacc\w*\s+(?:di morte|di (?:uccider|ammazzar|accoltellar|sparar|bruciar|sfregiar|"
    r"picchiar|portarmi via|portare via|portarsi via)\w*|con (?:un|una|il|la|l'|lo|delle|dei))|"
    r"\bminacce di morte\b",
    r"\b(?:mi|ci|la|lo|li) (?:sta|stanno|stava) minacciando\b|\bminacciandomi\b|\bmi minaccia\b",
    # hitting, beating, attacking now
    r"\b" + _OBJ + r" ?(?:sta|stanno|stava|stavano|continua a|continuano a)\s+(?:picchia\w*|"
    r"pestando|pestare|menando|menare|aggredendo|aggredire|attaccando|strangolando|soffocando|"
    r"prendendo a (?:calci|pugni|schiaffi|botte|bastonate|sprangate)|violentando|stuprando|"
    r"massacrando|trascinando)\b",
    r"\b(?:picchi|pest|men|aggred|strangol|soffoc|violent|massacr|accoltell)(?:a|e)ndo"
    r"(?:mi|ti|lo|la|ci|vi|li|le|gli)\b",
    r"\b(?:sta|stanno)\s+(?:picchiando|pestando|menando|aggredendo|accoltellando|massacrando|"
    r"strangolando|prendendo a (?:calci|pugni|botte))\s+(?:un|una|uno|il|la|lo|mia|mio|sua|suo|"
    r"dei|delle|degli|due|tre|qualcuno|quel|quella|mamma|papa)\b",
    r"\b(?:mi|ci) (?:picchia|picchiano|mena|menano|pesta|pestano|aggredisce|aggrediscono|"
    r"strangola|prende a (?:calci|pugni|schiaffi|botte)|prendono a (?:calci|pugni|schiaffi|botte))"
    r"\b(?! i piedi)",
    r"\b(?:prend\w*|pres[oaie]) a (?:calci|pugni|schiaffi|botte|bastonate|sprangate|coltellate)"
    r"\b(?! (?:il|un|la) (?:pallon\w*|palla))|\b(?:riemp\w*|massacrat\w*|gonfiat\w*) di botte\b|"
    r"\bbotte da orbi\b|\bpestaggio\b|\bpestat[oaie]\b",
    r"\baggred(?:it[oaie]|isc\w*|end\w*|ire)\b|\bstrangol\w*",
    r"\b(?:pres[oa]|afferrat[oa]|stringe|stringendo|tiene|teneva|stretto|prende|afferra|mani)\s+"
    r"(?:\w+\s+)?(?:per il collo|alla gola|al collo)\b",
    # a fire set now, or about to be
    r"\b(?:dato|dando|dare|dar|danno|hanno dato|ha dato|appicc\w*) (?:il )?fuoco\b|"
    r"\b(?:va|vanno|sta andando|stanno andando|andat[oa]|andati) a fuoco\b|"
    r"\b(?:prende|prendendo|preso|prendono) fuoco\b|^[\W_]*al fuoco\b",
    r"\b(?:in fiamme|incendi\w*|molotov|benzina (?:nella|sulla|sotto|dalla|attraverso|sul|nel|"
    r"dentro|sulle|nelle)|(?:versat|buttat|gettat|versa|butta|getta)\w* (?:la |della )?benzina|"
    r"fumo (?:dappertutto|ovunque|dalla|dal|dalle)|c'e (?:tanto |molto )?fumo)\b",
    r"\bbruci\w* (?:la casa|casa|tutto|la porta|il portone|la macchina|l'auto|il cassonetto|"
    r"i cassonetti|il palazzo|vivo|viva|vivi)\b|\b(?:casa|palazzo|cassonett\w*|portone|"
    r"macchina|auto|appartamento) (?:sta )?brucia(?:ndo)?\b",
    # someone getting in, outside the door, or searching for the one hiding
    r"\b(?:cerca|cercando|cercano|prova|provando|provano|tenta|tentando|tentano)\s+(?:di|a|ad)\s+"
    r"(?:entrare|sfondare|forzare|aprire la porta|buttare giu)\b(?! (?:nel|in|all') ?(?:sito|"
    r"portale|account|profilo|app|universita|facolta|squadra|graduatoria))",
    r"\b(?:sfond\w*|butt\w* giu|forz\w*|spacc\w*|prend\w* a calci|picchia\w*|batte\w*|tempest\w*|"
    r"prend\w* a pugni)\s+(?:\w+\s+)?(?:la|alla|sulla|contro la|il|al|sul)\s+(?:porta|finestra|"
    r"portone|serratura|finestre)\b",
    r"\b(?:intrus[oi]|ladr[oi] (?:in|dentro) casa|c'e (?:qualcuno|un uomo|uno|gente|un tizio|"
    r"un estraneo|uno sconosciuto) (?:in casa|dentro casa|dentro)|(?:e|sono) entrat[oi] "
    r"(?:in casa|dentro casa)|si e (?:introdotto|intrufolato) in casa)\b",
    r"\b(?:il mio ex|la mia ex|mio marito|il mio compagno|il mio ragazzo|mio padre|lui|lei|loro|"
    r"qualcuno|un uomo|degli uomini|un tizio|dei tizi|uno|un gruppo|una banda|dei ragazzi|gente|"
    r"un estraneo|uno sconosciuto|l'aggressore|ex)\s+(?:e|sono|sta|stanno|aspetta|aspettano|"
    r"e ancora|e di nuovo|e tornato|e qui|e li)?\s*(?:qui |li |la )?(?:(?:fuori dalla|fuori della|"
    r"davanti alla|dietro la|alla) (?:mia |nostra )?(?:porta|finestra|casa|portone)|(?:fuori da|"
    r"davanti a|sotto) casa mia|(?:fuori dal|davanti al|sotto al|sotto il) (?:mio |nostro )?"
    r"(?:palazzo|portone|appartamento|condominio)|sotto casa)\b",
    r"\bc'e (?:un|una|uno|qualcuno|gente|dei|degli|delle|due|tre)\s*(?:uom\w*|tizi\w*|ragazz\w*|"
    r"gente|qualcuno|grupp\w*|band\w*|sconosciut\w*|estrane\w*|persone|persona)?\s+(?:\w+\s+)?"
    r"(?:fuori dalla|fuori della|davanti alla|dietro la|alla) (?:mia |la |nostra )?(?:porta|"
    r"finestra|portone)\b",
    r"\b(?:ora|adesso|gia|ancora|di nuovo|e tornat[oa])\s+(?:e\s+|sono\s+)?(?:qui\s+|li\s+)?"
    r"(?:fuori dalla|fuori della|davanti alla|dietro la|sotto) (?:mia |nostra )?(?:porta|finestra|"
    r"casa|portone)\b",
    r"\b(?:sono|siamo) nascost[aoie]\b|\b(?:mi sono|ci siamo) nascost[aoie]\b|\bmi nascondo\b|"
    r"\bci nascondiamo\b|\bnascondendomi\b",
    r"\b(?:sta|stanno) salendo le scale\b",
    # followed or chased now
    r"\b(?:mi|ci) (?:sta|stanno|stava|stavano) (?:seguendo|inseguendo|pedinando)\b(?! su )|"
    r"\b(?:mi|ci) (?:insegue|inseguono|pedina|pedinano)\b|\b(?:seguendo|inseguendo|pedinando)"
    r"(?:mi|ci)\b|\bmi segue (?:fino|per strada|a casa|ovunque|da (?:quando|stamattina|stasera)|"
    r"dalla (?:stazione|fermata|metro))\b|"
    r"\b(?:mi|ci) (?:ha|hanno) (?:seguit[oaie]|inseguit[oaie]) fino\b",
    # trapped, locked in, held or taken
    r"\b(?:mi|ci|l'|la|lo) ?(?:ha|hanno|tiene|tengono) (?:chius[oaie]|rinchius[oaie]|"
    r"segregat[oaie]|bloccat[oaie]) (?:a chiave|in|dentro|nel|nella)\b",
    r"\b(?:rinchius[oaie]|chius[oaie] a chiave|segregat[oaie]|prigionier[oaie]|ostaggio|"
    r"ostaggi|sequestro di persona|rapimento)\b",
    r"(?<!sento )(?<!sentire )(?<!sentirmi )\b(?:intrappolat[oaie]|bloccat[oaie] (?:in|dentro) "
    r"(?:casa|camera|bagno|una stanza|macchina|auto))\b(?! (?:nel|in) (?:traffico|coda|"
    r"una relazione|un matrimonio|questo lavoro))",
    r"\brapit[oaie]\b(?! (?:da|dal|dalla|dalle|dai|dalla bellezza))|\brapisc\w*|\brapir(?:e|la|lo|"
    r"li|mi)\b",
    r"\bnon (?:mi|ci|la|lo) (?:lascia|lasciano|fa|fanno)\s+(?:uscire|andare via|andar via|"
    r"scappare|passare|andarmene|andarcene)\b(?!\s+(?:con|da sol\w*|la sera|di sera|il|la|le|"
    r"i|senza|mai))",
    # someone collapsed, unconscious, fitting or bleeding
    r"\b(?:svenut[oaie]|svien\w*|svenire|sveng\w*|priv[oaie] di sensi|(?:ha )?pers[oa] "
    r"(?:i sensi|conoscenza)|perde (?:i sensi|conoscenza)|collassat[oaie]|crollat[oaie] a terra|"
    r"e crollat[oa]|convulsion\w*|crisi epilettica|attacco epilettico|non si muove piu|"
    r"a terra immobile|e a terra e non)\b",
    _unless(_NOT_FICTION, r"\b(?:sta sanguinando|sanguina (?:tanto|molto)|perde (?:molto|tanto) sangue|"
    r"sangue dappertutto|sangue ovunque)\b"),
    r"\b(?:uomini|uomo|tizio|tizi|ragazzi|qualcuno|gente|individu[oi]|incappucciat[oi]|ladr[oi]|"
    r"e|sono|sta|stanno|va|vanno|gira|girano)\s+armat[oaie]\b|\ba mano armata\b",
    r"(?<!un )(?<!una )(?<!uno )(?<!l')(?<!che )\bincoscient[ei]\b",
    r"(?<!storia )(?<!scusa )(?<!teoria )(?<!discorso )(?<!cosa )(?<!ragionamento )\b"
    + _CANT_STAND + r"\b",
    # a cry for help, as the whole message or opening one about fear or someone coming
    r"^[\W_]*(?:(?:" + _PLEASE + r"|sos)[\W_]*)*" + _CRY + r"(?:[\W_]+(?:" + _CRY + "|" + _PLEASE
    + r"|sos|subito|presto|qualcuno|adesso|ora|urgente))*[\W_]*$",
    r"^[\W_]*qualcuno mi aiuti[\W_]*(?:" + _PLEASE + r")?[\W_]*$",
    r"^[\W_]*" + _CRY + r"[\W_]+(?:" + _PLEASE + r"[\W_]+)?(?:ho (?:tanta |molta )?paura|"
    r"sono (?:terrorizzat\w*|spaventat\w*)|mi (?:vuole|vogliono|sta|stanno)\b|(?:e|sono) (?:qui|"
    r"dentro|fuori|alla porta)|sta (?:entrando|arrivando)|stanno (?:entrando|arrivando))",
    r"\b(?:chiamate|chiamatemi|chiamate subito|qualcuno chiami)\s+(?:la polizia|i carabinieri|"
    r"il 112|il 113|il 118|un'ambulanza|l'ambulanza|i pompieri|i vigili del fuoco|aiuto|"
    r"i soccorsi|il 999)\b|^[\W_]*chiama (?:subito )?(?:la polizia|i carabinieri|il 112|"
    r"un'ambulanza|l'ambulanza|il 999)\b",
    r"\b(?:mandate|mandatemi|inviate|serve|servono|ci vuole|ho bisogno di|abbiamo bisogno di)\s+"
    r"(?:subito )?(?:la polizia|i carabinieri|un'ambulanza|l'ambulanza|i soccorsi|aiuto subito|"
    r"aiuto adesso|aiuto urgente)\b",
    r"^[\W_]*(?:ho|abbiamo) bisogno di aiuto (?:subito|adesso|ora|urgente|immediato)\b[\W_]*"
    r"(?:" + _PLEASE + r")?[\W_]*$",
    r"(?<!non )(?<!piu )\b(?:sono|siamo|e|sei) (?:ancora |davvero |veramente )?in pericolo\b"
    r"(?! di (?:estinzione|perdere|sfratto))|\b(?:la mia vita|la sua vita|le nostre vite) "
    r"(?:e )?in pericolo\b",
    r"(?<!non )\b(?:e|c'e) un'? ?emergenza\b|^[\W_]*emergenza[\W_]*$",
    # suicide and self-harm, said of oneself or of someone else
    r"\bsuicid\w*",
    _unless(_HYPERBOLE, r"\b(?:togliermi|togliersi) la vita\b|\bfarla finita\b(?! con (?:lui|lei|loro|"
    r"il|la|lo|questo|questa|quest\w*|mio|mia|te))|\bammazzarmi\b|\buccidermi\b"),
    _unless(_HYPERBOLE, r"\b(?:mi|si|ti) (?:voglio|vuole|vado a|sto per|sta per|vuoi) (?:ammazzare|uccidere|"
    r"impiccare)\b"),
    r"\b(?:buttar(?:mi|si)|lanciar(?:mi|si)|mi butto|si butta|si vuole buttare|mi voglio buttare|"
    r"saltare|salta)\s+(?:giu\s+)?(?:dal|dalla|da un|da una|sotto|dalle)\s+(?:\w+\s+)?(?:ponte|"
    r"finestra|balcone|tetto|terrazzo|palazzo|treno|binari|macchina|auto|scogliera|parapetto|"
    r"piano)\b",
    r"\bsta per (?:buttarsi|saltare|lanciarsi)\b|\bminaccia di (?:buttarsi|saltare|lanciarsi)\b",
    _unless(_HYPERBOLE, r"\b(?:si|mi) (?:ammazza|uccide|uccidera|ammazzera|ammazzo|uccido|toglie la vita|"
    r"impicca|impicco)\b(?! (?:di|dal|dalla|dalle) (?:lavoro|fatica|risate|ridere|studio|noia))"),
    r"\bnon (?:voglio|vuole|voglio piu|vuole piu) (?:piu )?vivere\b(?! (?:qui|in|con|cosi|li|"
    r"vicino|accanto|sopra|sotto))|\bnon voglio (?:piu )?svegliarmi\b|\bnon voglio (?:piu )?"
    r"esserci\b",
    r"\b(?:preso|presa|ingoiato|ingoiata|inghiottito|prese|ingoiate)\s+(?:tutte le|tutti i|"
    r"un flacone (?:intero )?di|una scatola (?:intera )?di|un sacco di|una manciata di|tante|"
    r"troppe|troppi|un blister di)\s+(?:\w+\s+)?(?:pillole|pastiglie|compresse|farmaci|"
    r"medicine|psicofarmaci|tachipirine?|sonniferi|antidepressivi|gocce)\b",
    r"(?<!non voglio )(?<!paura di )(?<!senza )\bfarmi del male\b|\bmi (?:taglio|sto tagliando) "
    r"(?:le vene|i polsi|le braccia)\b|\btagliarmi (?:le vene|i polsi)\b|\bautolesion\w*",
    r"\b(?:messaggio|lettera|biglietto) d'addio\b",
    # someone missing, told with a remote past ("scomparve")
    _unless(_NOT_LONG_AGO, r"\b(?:mio|mia|miei|mie|nostr[oaie])\s+" + _REL + r"\b[^.!?]{0,40}?\b"
    r"(?:scomparve|spari|non torno a casa)\b"),
    r"\b(?:sa|ha scoperto|ha trovato) dove (?:abito|sono|siamo|vivo)\b",
    r"\b(?:sono|siamo) (?:seguit|inseguit|pedinat)[aoie]\b(?! (?:da|dal|dalla|dai|dalle|da un|da una|"
    r"da uno) ?(?:psic|medic|dott|terap|special|assist|avvoc|centr|serviz|consultor|cardiolog|"
    r"ginecolog|neurolog)\w*| su )",
)

PRESENT = (
    # found by the person they fled
    r"\b(?:mi|ci) (?:ha|hanno) (?:trovat[oaie]|rintracciat[oaie])(?=\s*(?:[.,!?;]|$|e\b|qui|"
    r"di nuovo|ancora|ed))",
    # a body in trouble now
    r"\bnon (?:sta |stanno |riesce a |riesco a |riusciamo a |riescono a )?respir(?:a|ano|ando|"
    r"are)\b(?! (?:bene|dal naso|col naso|con il naso))",
    r"\bha smesso di respirare\b|\brespira (?:a fatica|appena|a malapena)\b",
    r"\bnon si sveglia(?:no)?\b(?! (?:mai|presto|la mattina|prima|in tempo|col|con la "
    r"sveglia))|\bnon (?:riesco|riusciamo|riesce) a svegliar(?:lo|la|li|le)\b|\bnon reagisce\b|"
    r"\bnon risponde agli stimoli\b",
    r"\b(?:sta diventando|diventa|e diventat[oa]|labbra(?: sono| stanno diventando| gli stanno "
    r"diventando| le stanno diventando)?) (?:blu|viola|cianotic[oaie]|livid[oaie])\b",
    r"\bocchi (?:rovesciati|revulsi|all'indietro)\b|\bgli occhi (?:gli|le) (?:girano|vanno) "
    r"all'indietro\b",
    r"\b" + _SPIKED + r"\b.{0,40}?\b" + _CANT_STAND + r"\b",
    r"\b" + _CANT_STAND + r"\b.{0,40}?\b" + _SPIKED + r"\b",
    # someone missing now
    _unless(_NOT_LONG_AGO, r"\b(?:mio|mia|miei|mie|il|la|i|le|nostr[oaie])\s+" + _REL
    + r"\b[^.!?]{0,40}?\b(?:e scompars[oaie]|sono scompars[oaie]|e sparit[oaie]|sono sparit[oaie]|"
    r"si e pers[oa]|si sono pers[ie]|e scappat[oa] di casa|non (?:e |sono )?(?:ancora )?"
    r"(?:tornat|rientrat)[oaie] (?:a casa|da scuola|ancora)|non (?:e |sono )?ancora (?:tornat|"
    r"rientrat)[oaie]|non si trova(?:no)?|non torna(?:no)?\b(?! (?:i conti|indietro))|"
    r"e introvabile|risulta disperso)\b"),
    r"\bnon (?:trovo|troviamo|riesco a trovare|riusciamo a trovare|trova|trovano) (?:piu )?"
    r"(?:il mio|la mia|mio|mia|il|la|nostr[oa]|il nostro|la nostra)\s+" + _CHILD + r"\b",
    # not safe, or wanting to die, said now
    r"\bnon (?:sono|siamo|e|sei) (?:piu )?al sicuro\b|\bnon mi sento al sicuro (?:qui|a casa|"
    r"adesso|ora|in casa)\b",
    r"\b(?:voglio|vuole|vorrei|voglio solo) morire\b" + _JEST,
    r"\bdall'altra parte (?:della ringhiera|del parapetto|della balaustra)\b",
)
