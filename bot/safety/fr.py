"""French words for danger now (see bot/safety/__init__.py).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed
by a native speaker. French of France, Belgium and Switzerland with common spoken and
texting forms ("j'suis", "il m'frappe", "ya quelqu'un", "flingue", "tabasser"); matched
against `normalise`d text (no accents: "é" is "e", "sœur" "soeur", apostrophes straight).

Choices a reviewer should know:
- A bare weapon word fires only when the message says nothing of buying, selling,
  cooking, a film or game, toys, crime figures, a Swiss army knife or an Opinel; a weapon
  someone has or holds ("il a un couteau de cuisine", "avec un flingue") fires whatever
  else is said. "Hache" counts only with someone holding it ("steak haché").
- A cry for help fires as the whole message ("au secours !", "aidez-moi svp"), or at its
  start with fear or someone coming after it; "au secours" fires anywhere, "à l'aide"
  only when not "à l'aide de" (with the help of). "J'ai besoin d'aide pour..." does not.
  "SOS" counts only beside a French cry ("sos aidez-moi"): alone it is no one language's
  word, and "SOS Amitié" and "SOS Racisme" are organisations.
- "Secours" alone is left out ("les secours", "roue de secours", "sortie de secours").
- "Ça me frappe" (it strikes me), "ça me tape sur les nerfs", "ça ne tient pas debout"
  (doesn't hold up), "le DJ met le feu", "enfermé dehors" (locked out), "l'inconscient",
  "poursuivi en justice" (sued), "enlèvement des encombrants" (bulky-waste collection),
  "je suis suivie par un psy" (in therapy): those senses are left out.
- "Va me tuer" said of noise, heat, work or laughter ("ce bruit va me tuer") is left out.
- Being kept in is "il ne me laisse pas sortir" unless followed by "seule", "avec" or
  "le soir" (coercive control, not danger now, as in English).
- "Je veux mourir" counts unless "de honte / de rire..." follows; "je meurs d'ennui" never.
- Someone missing: a child or relative who "a disparu", "n'est pas rentré", "est
  introuvable", "s'est perdu" is PRESENT, unless the message tells a time long past
  ("l'an dernier", "il y a deux ans").
- "Overdose" is an English word too, which the English words catch.
"""

from __future__ import annotations

from bot.safety import both, romance

_WEAPON = (r"(?:couteaux?|cutters?|poignards?|machettes?|pistolets?|flingues?|revolvers?|"
           r"fusils?|carabines?|armes?(?: a feu| blanche)?|kalach\w*|kalash\w*|arbaletes?|"
           r"poings? americains?|sabres?|katanas?|cran d'arret)")
_BLUNT = (r"(?:haches?|battes?(?: de baseball)?|barres? de fer|pieds? de biche|marteaux?|"
          r"bouteilles? cassees?|matraques?|tournevis|barres? de metal|briques?)")
_DET = r"(?:(?:un|une|des|le|la|les|l'|son|sa|ses|mon|ma|deux|trois)\s*)?"
# Weapons named with no one holding one: a film, a game, shopping (shared: romance.py).
_NOT_A_THREAT, _NOT_FICTION = romance.NOT_A_THREAT, romance.NOT_FICTION
_unless = romance.unless

_OBJ = r"(?:me |m'|te |t'|le |la |l'|nous |vous |les )"
_REL = (r"(?:fils|filles?|enfants?|gamin[e]?s?|gosses?|petite?|bebe|mere|pere|maman|papa|"
        r"grand[- ]mere|grand[- ]pere|mamie|papi|papy|freres?|soeurs?|petit[- ]fils|"
        r"petite[- ]fille|neveu|niece|amie?s?|pote|copine|copain)")
_CHILD = (r"(?:fils|fille|enfant|gamin[e]?|gosse|petite?|bebe|petit[- ]frere|petite[- ]soeur|"
          r"petit[- ]fils|petite[- ]fille|mere|pere|grand[- ]mere|grand[- ]pere|mamie|papi|papy)")
_NOT_LONG_AGO = (r"(?!.*\b(?:l'annee derniere|l'an dernier|l'an passe|il y a (?:\w+ )?(?:ans|"
                 r"mois|semaines)|le mois dernier|la semaine derniere|en (?:19|20)\d\d|pendant "
                 r"(?:\w+ )?(?:jours|semaines|mois)|quand (?:il|elle|j') ?(?:avait|etait|etais|"
                 r"avais))\b)")
_JEST = (r"(?!\s+(?:de|d') ?(?:honte|rire|ennui|faim|chaud|froid|fatigue|soif|peur|jalousie|"
         r"envie|amour|sommeil))")
_CRY = (r"(?:au secours+|a l'aide+|aidez[- ]moi+|aide[- ]moi+|aidez[- ]nous|sauvez[- ]moi|"
        r"sauve[- ]moi|secours+)")
_PLEASE = r"(?:s'il (?:vous|te) plait|svp|stp|svpl|pitie|je vous en prie|vite)"
_SPIKED = (r"(?:drogu(?:e|ee|es|ees)|(?:mis|met|mettre|verse|versee|glisse) (?:quelque chose|"
           r"un truc|qqch|qqc|de la drogue|du ghb|un cachet|une pilule) dans (?:mon|son|ma|sa|"
           r"leur|notre|le|la) (?:verre|boisson|cocktail|biere|drink|soda)|ghb)")
_CANT_STAND = (r"(?:(?:je|j'|il|elle|on) (?:ne |n')?(?:me |m'|se |s')?tien(?:s|t) (?:plus|pas) "
               r"debout|(?:n'arrive|arrive|n'arrivent|arrivent|peut|peux|peuvent|parvient) "
               r"(?:pas|plus) (?:a )?(?:marcher|tenir debout|se tenir debout|me tenir debout|"
               r"bouger|parler|se lever|reflechir)|sen(?:s|t) plus (?:mes|ses) jambes)")
_WHO = (r"(?:il|elle|ils|elles|mon ex|ex|quelqu'un|qqn|un homme|des hommes|un mec|des mecs|un type|"
        r"des types|une bande|un groupe|un inconnu|des inconnus|l'agresseur|mon (?:mari|ex-mari|"
        r"ex mari|copain|ex-copain|compagnon|conjoint)|ma (?:femme|ex-femme|copine))")

# Said of heat, noise, work or laughter ("ce bruit va me tuer"): not a threat.
_HYPERBOLE = (r"(?!.*?\b(?:chaleur|froid|bruit|musique|boulot|travail|stress|examens?|exams?|"
              r"bouchons|faim|sommeil|migraine|regime|rire|ennui|fatigue)\b[^.!?]{0,30}\btu)")


# A needle or an injection (needle spiking) with feeling faint or strange now.
_NEEDLE = (r"\b(?:aiguilles?|seringues?|piqure\w*|piquee?s?|m'a pique\w*|injecte\w*|"
           r"injection)\b")
_FAINT = (r"(?:tete (?:qui|me) tourne|la tete tourne|vertige\w*|etourdi\w*|"
          r"me sens bizarre|malaise|(?:tiens|tenir) (?:plus |pas )?debout|faible|"
          r"nausee\w*|flou|vaseu\w*|dans le coltar|dans les vapes|m'evanoui\w*)")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # stones or bottles thrown at a home now
    r"\b(?:jettent|lancent|balancent|jette|lance|balance)\b[^.!?]{0,25}\b(?:des |les )?(?:pierres|"
    r"cailloux|briques|pav[eé]s|bouteilles)\b[^.!?]{0,30}\b(?:fenetres?|vitres?|porte|maison|voiture)\b",
    # a weapon, or a weapon used
    _unless(_NOT_A_THREAT, r"\b" + _WEAPON + r"\b"),
    r"(?<!y )(?<!y'a )\b(?:a|avait|ont|avaient|tient|tenait|sort|sorti|sortit|brandit|brandi|brandissant|"
    r"porte|portait|pointe|pointait|braque|arme d'|armes d'|armee d'|armees d')\s*" + _DET
    + r"(?:" + _WEAPON + "|" + _BLUNT + r")\b(?! (?:a|de) (?:eau|billes|colle|peinture|jouet))",
    _unless(_NOT_FICTION, r"(?<!coupe )(?<!couper )(?<!coupez )(?<!eplucher )(?<!epluche )(?<!joue )"
    r"(?<!jouer )(?<!jouent )(?<!tartiner )\bavec\s*" + _DET + r"(?:" + _WEAPON + "|" + _BLUNT
    + r")\b(?! (?:a|de) (?:eau|billes|colle|peinture|jouet))"),
    r"\b(?:coups? de (?:couteau|machette|cutter|hache|batte|marteau|poignard|feu|fusil|pistolet)|"
    r"poignard(?:e|ee|es|ees|er|ait)|fusillade|blesse\w* par balles?|(?:tire|tirent|tirer|tirait|"
    r"tiraient|a tire|ont tire) sur (?:moi|nous|lui|elle|eux|quelqu'un|les gens|la foule|un|une|"
    r"mon|ma)|(?:entend|entends|entendu|entendre|ya|y a|il y a) des (?:tirs|detonations|"
    r"coups de feu)|braquage|(?:me|nous|m'|l'|les) (?:a |ont |suis fait |sommes fait )?braqu\w*)\b",
    r"\b(?:jet|lanc|balanc|vers|asperg)\w*\s+(?:\w+\s+)?(?:de l'|d'|l')acide\b|\b(?:attaque\w*|"
    r"brule\w*|defigure\w*) a l'acide\b",
    # threats to kill or hurt
    _unless(_HYPERBOLE, r"\b(?:va|vais|vai|vas|vont|veut|veux|veulent|voulait|menace de|menacent de|menace|"
    r"a menace de|essaie de|essaye de|tente de|allait|aller|avait dit qu'il allait)\s+" + _OBJ
    + r"?\s*(?:tuer|buter|crever|planter|egorger|etrangler|violer|defoncer|massacrer|tabasser|"
    r"frapper|poignarder|saigner|bruler vi\w*|tirer dessus|casser la gueule|peter la gueule|"
    r"faire la peau|enlever|kidnapper|faire du mal|cogner|defigurer|bruler)\b"
    r"(?! (?:a la tache|au travail|le temps|les prix))"),
    _unless(_HYPERBOLE, r"\bje (?:vais|vai|v) (?:te |t'|vous |la |le |l')?(?:tuer|buter|crever|planter|"
    r"egorger|"
    r"defoncer|massacrer|saigner)\b|\b(?:tuer|buter|egorger|poignarder) (?:ma|mon|mes|les enfants|"
    r"tout le monde|ma famille|nos enfants)\b"),
    r"\bmenac\w* de mort\b|\bmenac\w* (?:avec (?:un|une|le|la|son|sa)|d'un (?:couteau|pistolet|"
    r"flingue|cutter|marteau|tournevis|fusil|revolver)|d'une (?:arme|hache|batte|lame|barre|"
    r"bouteille|machette))|\b(?:me|nous|m') menace(?:nt)?\b(?!\s*(?:de|d')\s*(?!mort|me tuer|tuer|"
    r"me frapper|frapper|me bruler|me defigurer|me planter|me buter|m'egorger|prendre les enfants|"
    r"m'enlever|enlever|me violer))|\ben train de (?:me |nous )menacer\b",
    # hitting, beating, attacking now
    r"(?<!qui )(?<!ca )(?<!cela )(?<!je )\b(?:me|m'|te|la|le|l'|nous|les)\s*(?:frappe|frappent|"
    r"tape|tapent|cogne|cognent|tabasse|tabassent|etrangle|etranglent|etouffe|etouffent|viole|"
    r"agresse|agressent|bat|battent|roue de coups|roulent de coups|defonce)\b(?! (?:sur les nerfs|"
    r"sur le systeme|l'esprit|a l'oeil))",
    r"\ben train de (?:me |m'|te |la |le |l'|nous |les )(?:frapper|taper|cogner|tabasser|"
    r"etrangler|etouffer|violer|agresser|battre|massacrer|poignarder|defoncer|trainer)\b|"
    r"\ben train de (?:frapper|tabasser|cogner|etrangler|agresser|battre|massacrer|poignarder|"
    r"lyncher) (?:un|une|des|deux|trois|quelqu'un|ma|mon|mes|sa|son|notre|le|la|les)\b"
    r"(?! (?:ballon|balle|tapis))",
    r"\b(?:tabasse|tabassent|tabassaient|frappe|frappent|cogne|cognent|agressent|lynchent|bat|"
    r"battent)\s+(?:un|une|deux|trois|des|quelqu'un|ma|mon|mes|sa|son|ses|notre|nos)\s+"
    r"(?!ballon|balle|coup franc|penalty|tambour|clavier|porte|record|mesure|cartes|oeufs)\w+",
    r"\b(?:lui|leur|me|m'|nous) ?(?:a|ont|avait)? ?tire dessus\b|\btir(?:e|ent|er|ait|aient) "
    r"dessus\b",
    r"\b(?:tabass\w*|passage a tabac|passe a tabac|passer a tabac|roue\w* de coups|lynch\w*|"
    r"a coups de (?:poings?|pieds?|couteau|marteau|batte|barre|bouteille|machette|hache|tete|"
    r"ceinture|baton))\b",
    r"\bagress(?:e|ee|es|ees|er|ent|ant|ait)\b|\betrangl\w*",
    r"\b(?:tient|tenait|attrape\w*|serre\w*|saisi\w*|pris|prend|agrippe\w*)\s+(?:\w+\s+)?(?:par le "
    r"cou|a la gorge|au cou|par la gorge)\b|\bmains autour de (?:mon|son) cou\b",
    # a fire set now, or about to be
    r"\b(?:mis|met|mettent|mettre|mettait|foutu|fout|foutent|foutre) le feu(?: (?:a|au|aux|dans|"
    r"chez|sur)\b(?! (?:dancefloor|la piste|la salle|poudres|l'ambiance))|\s*[.!]|\s*$)",
    r"^[\W_]*au feu\b|(?<!suis )(?<!es )\ben feu\b|\ben flammes\b|\bincendi\w*|\b(?:prend|pris|"
    r"prendre|prennent) feu\b",
    r"\b(?:maison|immeuble|appartement|appart|porte|voiture|poubelles?|batiment|cuisine|escalier|"
    r"cage d'escalier|tout) (?:qui )?brule\b|\bbruler (?:la maison|l'appart|l'immeuble|la porte|"
    r"la voiture|tout|ma maison|mon appart)\b|\b(?:cocktails? )?molotov\b",
    r"\bessence (?:dans|sur|par|sous) (?:la|le|ma|mon|les|notre)\b|\b(?:verse|jete|balance|"
    r"asperge)\w* (?:de l')?essence\b|\bfumee (?:partout|noire)\b|\b(?:plein|beaucoup) de fumee\b",
    # someone getting in, outside the door, or searching for the one hiding
    r"\b(?:essai(?:e|ent)?|essay(?:e|ent)?|tent(?:e|ent)|cherche(?:nt)? a|veu(?:t|lent)) "
    r"(?:d'|de )?(?:entrer|rentrer)\b(?! dans (?:le |la |l')?(?:site|fac|universite|ecole|"
    r"application|appli|compte|systeme))|\b(?:entrer|rentrer) de force\b",
    r"\b(?:enfonc|defonc|forc|cass|fracass|pet)\w* (?:la|ma|notre|les) (?:porte|fenetre|serrure|"
    r"vitre)s?\b|\b(?:tambourine|tambourinent|frappe fort|frappent fort|cogne|cognent|donne des "
    r"coups(?: de pied)?|donnent des coups(?: de pied)?|tape fort|tapent fort|martele|defonce)\w* "
    r"(?:a|contre|sur|dans) (?:la|ma|notre) porte\b",
    r"\b(?:intrus|cambrioleurs? (?:est |sont )?(?:dans|chez|en bas|en haut|ici)|(?:il y a|ya|"
    r"y a) (?:quelqu'un|qqn|un homme|un mec|un inconnu|des gens|des mecs) (?:dans|chez) (?:moi|"
    r"nous|la maison|l'appart|ma maison|mon appart)|quelqu'un est (?:entre|rentre) (?:chez moi|"
    r"dans la maison|dans l'appart))\b",
    r"\b" + _WHO + r"\s+(?:est|sont|attend|attendent|rode|rodent|reste|restent|est encore|"
    r"est toujours|est de nouveau|est revenue?|m'attend|m'attendent|nous attend|nous attendent)?"
    r"\s*(?:la )?(?:devant (?:ma|la|notre|mon) (?:porte|maison|fenetre|immeuble|appart)|"
    r"devant chez (?:moi|nous)|en bas de chez (?:moi|nous)|derriere (?:la|ma) porte|"
    r"a (?:ma|la|notre) porte|sur (?:le|mon) palier|dehors devant)\b",
    r"\b(?:il y a|ya|y a|y'a)\s+(?:un homme|des hommes|quelqu'un|qqn|un mec|des mecs|un type|"
    r"des types|une bande|un groupe|des gens|un inconnu)\s+(?:\w+\s+)?(?:devant|derriere|a) "
    r"(?:ma|la|notre|chez) (?:porte|fenetre|maison|moi|nous)\b",
    r"\b(?:je suis|j'suis|jsuis|chui|je me suis|on est|on s'est|nous sommes|je reste) "
    r"(?:cachee?s?|planquee?s?)\b|\b(?:je me cache|on se cache|je me planque|on se planque)\b",
    r"\bmonte (?:l'escalier|les escaliers|les marches)\b",
    # followed or chased now
    r"\b(?:me|nous) (?:suit|suivent|poursuit|poursuivent|suivait|suivaient)\b(?! (?:sur|depuis "
    r"(?:\d+|des|plusieurs) (?:ans|mois|annees)|medicalement|en therapie|pour|a l'hopital))",
    r"\b(?:je suis|j'suis|jsuis|chui|on est|nous sommes) (?:suivie?s?|poursuivie?s?)\b(?! (?:par "
    r"(?:un|une|le|la|mon|ma) (?:psy|medecin|docteur|therapeute|specialiste|assistante?|"
    r"conseill|infirm|sage|gyn|cardio|avocat|service|association)\w*|medicalement|pour|depuis "
    r"(?:des|\d+|plusieurs) (?:ans|mois|annees)|a l'hopital|en (?:therapie|consultation|"
    r"justice)|par la justice))",
    r"\bsuivie?s? jusqu'(?:a|chez)\b",
    # trapped, locked in, held or taken
    r"(?<!sens )(?<!sentir )\benferm(?:e|ee|es|ees|er|ent|ait)\b(?! (?:dehors|a l'exterieur|"
    r"dans (?:le silence|une routine|mon travail)))",
    r"\b(?:sequestr(?:e|ee|es|ees|er|ent|ait|ation)|kidnapp\w*|otages?|pris en otage|"
    r"retenue?s? (?:contre (?:mon|son|leur) "
    r"gre|de force)|prisonnieres?)\b|\b(?:on|ils|il|elle) (?:a|ont) enleve (?:mon|ma|mes|notre|"
    r"nos|le petit|la petite)\b|\ba ete enlevee?\b",
    r"\b(?:ne )?(?:me|nous) laisse(?:nt)? pas (?:sortir|partir|m'en aller|passer|fuir)\b(?! "
    r"(?:seule?s?|avec|le soir|sans|la nuit|voir|le week|travailler))|\bm'empeche(?:nt)? de "
    r"(?:sortir|partir|m'enfuir|fuir)\b(?! (?:seule?|avec|le soir|sans|voir|travailler))",
    # someone collapsed, unconscious, fitting or bleeding
    r"(?<!un )(?<!une )(?<!l')(?<!des )\binconsciente?s?\b",
    r"\b(?:evanoui\w*|perdu connaissance|perd connaissance|sans connaissance|s'est effondre\w*|"
    r"effondre\w* (?:par terre|au sol)|ne bouge plus|bouge plus du tout|convuls\w*|crise "
    r"d'epilepsie|crise epileptique)\b",
    _unless(_NOT_FICTION, r"\b(?:saigne (?:beaucoup|enormement|de partout|abondamment)|pisse le sang|"
    r"perd (?:beaucoup de |enormement de )sang|du sang partout|couverte? de sang|est en sang)\b"),
    r"\b(?:hommes?|mecs?|types?|quelqu'un|gens|individus?|cagoules?|cambrioleurs?|est|sont|"
    r"il est|ils sont)\s+armee?s?\b|\ba main armee\b",
    r"\b" + _CANT_STAND + r"\b",
    # a cry for help, as the whole message or opening one about fear or someone coming
    r"^[\W_]*(?:(?:" + _PLEASE + r"|help+|sos)[\W_]*)*" + _CRY + r"(?:[\W_]+(?:" + _CRY + "|" + _PLEASE
    + r"|sos|vite|quelqu'un|maintenant|urgent|help+))*[\W_]*$",
    r"^[\W_]*(?:que )?quelqu'un (?:m'aide|m'aider|nous aide|aidez-moi)[\W_]*(?:" + _PLEASE
    + r")?[\W_]*$",
    r"^[\W_]*" + _CRY + r"[\W_]+(?:" + _PLEASE + r"[\W_]+)?(?:j'ai (?:tres |trop )?peur|"
    r"g peur|je suis terrifiee?|(?:il|elle|ils) (?:est|sont) (?:la|ici|dedans|devant|en train)|"
    r"(?:il|ils) arrive(?:nt)?|(?:il|elle|ils) (?:va|vont|veut|veulent) me\b)",
    r"\bau secours\b|\ba l'aide\b(?! d['eu]| des| du)(?=\s*(?:!|$))",
    r"\b(?:appelez|appele[zr]?-moi|qu'on appelle|que quelqu'un appelle|quelqu'un appelle)\s+(?:la "
    r"police|les flics|les pompiers|une ambulance|le samu|le 17|le 15|le 18|le 112|le 999|"
    r"les secours)\b|^[\W_]*appelle (?:la police|les flics|les pompiers|une ambulance|le samu|"
    r"le 17|le 112|les secours)\b",
    r"\b(?:envoyez|envoyez-moi|envoyer)\s+(?:la police|quelqu'un|les secours|une ambulance|"
    r"de l'aide)\b|\b(?:besoin d'une|il (?:me|nous) faut une|faut une) ambulance\b|\bbesoin de la "
    r"police (?:vite|maintenant|tout de suite)\b",
    r"^[\W_]*(?:j'ai|jai|on a|nous avons) besoin d'aide (?:maintenant|vite|tout de suite|"
    r"urgent\w*|immediatement)\b[\W_]*(?:" + _PLEASE + r")?[\W_]*$",
    r"(?<!pas )(?<!plus )(?<!jamais )(?<!espece )(?<!especes )(?<!animaux )\ben danger\b"
    r"(?! de (?:disparition|extinction|perdre|expulsion))",
    r"\bc'est (?:une )?urgence\b|^[\W_]*urgence[\W_]*$|\burgence (?:absolue|vitale)\b",
    # suicide and self-harm, said of oneself or of someone else
    r"\bsuicid\w*",
    _unless(_HYPERBOLE, r"\b(?:me|se) (?:tuer|suicider|foutre en l'air)\b|\b(?:mettre|mets|met|"
    r"mis) fin a (?:mes|ses|tes|leurs) jours\b|\bmettre fin a (?:ma|sa) vie\b"),
    r"\ben finir\b(?! avec (?:lui|elle|eux|mon|ma|mes|ce|cette|ces|ca|cela|les|le|la|nos|vos|"
    r"l'|un|une|des))",
    r"\b(?:je |j')?(?:ne )?veu(?:x|t) (?:plus|pas) vivre\b(?! (?:ici|la|avec|comme|dans|chez|"
    r"a cote|pres))|\b(?:plus|pas) envie de vivre\b|\benvie de (?:ne )?plus vivre\b",
    r"\b(?:pris|avale|prise|avalee)\s+(?:toute?s? (?:mes|ses|les)|une boite (?:entiere )?de|"
    r"un tube de|plein de|des tonnes de|une plaquette (?:entiere )?de|toute la boite de|tous "
    r"(?:mes|ses|les)|un flacon de)\s+(?:\w+\s+)?(?:medicaments|medocs|cachets|pilules|comprimes|"
    r"somniferes|doliprane|paracetamol|antidepresseurs|anxiolytiques|xanax|lexomil)\b",
    r"\b(?:sauter|me jeter|se jeter|me balancer|se balancer|me lancer|se lancer|saute|sautes)\s+"
    r"(?:dans le vide|sous (?:un|le|une|la) (?:train|metro|rer|bus|camion|voiture|rame)|(?:du|d'un|"
    r"d'une|de la|de l'|par la|par le|du haut d(?:u|e la|'un|'une))\s*(?:\w+\s+)?(?:pont|fenetre|"
    r"balcon|toit|immeuble|viaduc|falaise|tour|parking|terrasse|quai))\b",
    r"\b(?:sur le point de|menace de|va|vais|veut) (?:sauter|se jeter|me jeter)\b(?! (?:le|un|"
    r"une|les|des|au|sur|dans la|de joie))",
    r"(?<!pas )(?<!peur de )(?<!sans )\b(?:me faire du mal|se faire du mal|me scarifier|me "
    r"mutiler|me couper les (?:veines|poignets)|scarifi\w*|automutil\w*)\b",
    r"\b(?:message|lettre|mot) d'adieu\b",
    r"\b(?:sait|a trouve|a decouvert|a retrouve) ou (?:j'habite|je suis|on est|nous sommes|je vis)\b",
)

PRESENT = (
    # found by the person they fled
    r"\b(?:il|elle|ils|on|mon ex)\s+(?:m'a|nous a|m'ont|nous ont) (?:retrouvee?s?|trouvee?s?)"
    r"(?=\s*(?:[.,!?;]|$|et\b|ici|encore|il\b|elle\b|sa\b|son\b))",
    # a body in trouble now
    r"\b(?:ne |n')?respire (?:plus|pas)\b(?! (?:bien|par le nez|tres bien|la fumee))",
    r"\b(?:n'arrive|arrive|n'arrivent|arrivent|peut|peux|peuvent|parvient) (?:pas |plus )"
    r"(?:a )?respirer\b|\ba arrete de respirer\b|\brespire a peine\b",
    r"\b(?:ne |n')?se reveille (?:pas|plus)\b(?! (?:avant|le matin|tot|a l'heure|avec|quand|"
    r"la nuit))|\b(?:n'arrive|arrive|arrivons|n'arrivons) (?:pas|plus) a (?:la|le|les) reveiller\b|"
    r"\b(?:ne |n')?reagit (?:plus|pas)\b(?! (?:a mes messages|aux messages|quand|a mes appels))",
    r"\b(?:il|elle|mon \w+|ma \w+) (?:devient|est en train de devenir|vire au|vire) (?:tout |toute )?"
    r"(?:bleu|bleue|violet|violette)\b|\blevres (?:sont |toutes |deviennent )?(?:bleues|violettes)\b|"
    r"\byeux revulses\b|\byeux qui (?:se )?(?:revulsent|roulent)\b",
    r"\b" + _SPIKED + r"\b.{0,40}?\b" + _CANT_STAND + r"\b",
    r"\b" + _CANT_STAND + r"\b.{0,40}?\b" + _SPIKED + r"\b",
    # someone missing now
    _unless(_NOT_LONG_AGO, r"\b(?:mon|ma|mes|notre|nos|le|la)\s+" + _REL + r"\b[^.!?]{0,40}?(?:"
    r"\ba disparu|\bont disparu|\best (?:porte\w* )?disparue?|\best introuvable|\bn'est (?:toujours )?"
    r"pas (?:rentre|revenu)\w*|\best (?:toujours )?pas (?:rentre|revenu)\w*|\bne rentre pas\b"
    r"(?! dans)|\bs'est (?:perdue?|egaree?)|\ba fugue|\ba fait une fugue|\breste introuvable|"
    r"\bon (?:ne )?(?:le|la|les) (?:re)?trouve (?:plus|pas))\b"),
    r"\b(?:je|on|nous)\s+(?:ne |n')?(?:trouve|retrouve|trouvons|retrouvons) (?:plus|pas) (?:mon|ma|"
    r"mes|notre|nos) " + _CHILD + r"\b|\bimpossible de (?:trouver|retrouver) (?:mon|ma|notre) "
    + _CHILD + r"\b",
    # not safe, or wanting to die, said now
    r"\b(?:je|j'|on|nous|jsuis|j'suis|chui)\s*(?:ne |n')?(?:suis|sommes|est)? ?(?:pas|plus) en "
    r"securite\b|\b(?:ne |n')?me sens (?:pas|plus) en securite (?:ici|chez moi|maintenant|en ce "
    r"moment|du tout)\b",
    r"\b(?:je veux|j'veux|jveux|veux|veut|voudrais|envie de) mourir\b" + _JEST,
    r"\bde l'autre cote (?:de la rambarde|du parapet|de la barriere|de la balustrade|"
    r"du garde-corps)\b",
)
