"""Portuguese words for danger now, European and Brazilian (see bot/safety/__init__.py).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed
by a native speaker. Both European ("está a bater-me", "telemóvel", "gajo", 112, INEM) and
Brazilian forms ("tá me batendo", "cara", "sumiu", 190, SAMU), matched against
`normalise`d text (no accents or cedillas: "não" is "nao", "ameaça" "ameaca", "mãe"
"mae"; hyphenated pronouns kept: "matar-te", "bater-me").

Choices a reviewer should know:
- A bare weapon word fires only when the message says nothing of buying, selling,
  cooking, a barbecue, a film or game, toys or crime figures ("conjunto de facas à
  venda"); a weapon someone has or holds ("tem uma faca de cozinha", "com uma pistola")
  fires whatever else is said. Singular "arma" counts only after an article ("uma arma",
  "com a arma"): Brazilian "ela arma barraco" is "she makes a scene". The idiom "a faca e o
  queijo na mão" is left out.
- A cry for help fires as the whole message ("socorro!", "me ajudem", "acudam"), or at
  its start with fear or someone coming after it; "preciso de ajuda com..." does not. A
  bare "ajuda" fires too, though it may be a request for the menu: the model may overrule
  it. "SOS" counts only beside a Portuguese cry ("sos socorro").
  "Pronto-socorro" (Brazilian A&E), "primeiros socorros" and "posto de socorro" are left
  out.
- "Tiro" is also "I take out", "atirar" "to throw", "porrada" "a load of", "me bate uma
  saudade" "I miss...", "matar aula / a saudade" "skip class / catch up", "não para em pé"
  "doesn't hold up", "revirar os olhos" an eye-roll: those senses are left out.
- "Vai me matar" said of noise, heat, work or laughter ("esse barulho vai me matar") is
  left out.
- "Não estou segura" counts as not safe, unless "de / se / que" follows (then it is
  "not sure").
- "Quero morrer" counts unless "de vergonha / de rir..." follows; "quero sumir" (I want
  to disappear) is left out as too common in jest.
- Being kept in is "não me deixa sair" unless followed by "com (as amigas)",
  "sozinha", "à noite" (coercive control, not danger now, as in English).
- Someone missing: a child or relative who "desapareceu", "sumiu", "não voltou para
  casa", "não aparece", "se perdeu" is PRESENT (the Portuguese past tense is also the
  "just now" tense), unless the message tells a time long past ("no ano passado", "há
  dois anos").
- "Overdose" and "machete" are English words too, which the English words catch; here
  "machete" counts only when someone has one or comes with one.
"""

from __future__ import annotations

from bot.safety import both, romance

_WEAPON = (r"(?:facas?|facao|facoes|faquinha|navalhas?|canivetes?|punhal|punhais|pistolas?|"
           r"revolver(?:es)?|espingardas?|cacadeiras?|armas(?: de fogo| brancas)?|"
           r"arma (?:de fogo|branca)|fuzil|fuzis|soqueiras?|catanas?)")
_BLUNT = (r"(?:machete|machados?|tacos? de (?:beisebol|basebol|baseball|golfe)|barras? de ferro|"
          r"pe de cabra|pes de cabra|martelos?|garrafas? (?:partidas?|quebradas?)|tijolos?|"
          r"correntes?|cacetetes?|bastao|bastoes|arma)")
_DET = r"(?:(?:um|uma|uns|umas|o|a|os|as|sua|seu|duas|dois|tres|outra|outro)\s+)?"
# Weapons named with no one holding one: a film, a game, shopping (shared: romance.py).
_NOT_A_THREAT, _NOT_FICTION = romance.NOT_A_THREAT, romance.NOT_FICTION
_unless = romance.unless
_CLITIC = r"(?:me|te|nos|lhe|lhes|a gente)"
_REL = (r"(?:filh[oa]s?|filhinh[oa]|criancas?|menin[oa]s?|bebe|miud[oa]s?|garot[oa]s?|"
        r"pequen[oa]|mae|mamae|pai|papai|avo|avos|vovo|irma|irmao|irmaos|irmas|irmaozinho|"
        r"irmazinha|net[oa]s?|sobrinh[oa]s?|amig[oa]s?)")
_CHILD = (r"(?:filh[oa]|filhinh[oa]|crianca|menin[oa]|bebe|miud[oa]|garot[oa]|pequen[oa]|"
          r"irmaozinho|irmazinha|net[oa]|mae|pai|avo|vovo)")
_NOT_LONG_AGO = (r"(?!.*\b(?:ano passado|anos atras|meses atras|ha (?:\w+ )?(?:anos|meses|"
                 r"semanas)|mes passado|semana passada|em (?:19|20)\d\d|durante (?:\w+ )?(?:dias|"
                 r"semanas|meses)|por (?:\w+ )?dias|quando (?:era|tinha)|em pequen[oa]|"
                 r"na altura)\b)")
_JEST = (r"(?!\s+(?:de|do|da) (?:vergonha|rir|riso|tedio|fome|sono|calor|frio|inveja|saudades?|"
         r"cansaco|medo|amor|ciume\w*|preguica))")
_CRY = (r"(?:socorro+|ajuda+|me ajud(?:a|e|em)+|ajud(?:a|e|em)-me|ajudem+|acudam|acuda|"
        r"me salv(?:a|e|em)|salv(?:a|e|em)-me)")
_PLEASE = r"(?:por favor|porfavor|pfv|pf|pfvr|plmds|pelo amor de deus)"
_SPIKED = (r"(?:(?:mete\w*|colocar\w*|colocou|puseram|pos|botaram|botou|deitaram|deitou|jogaram)"
           r"\s+(?:alguma coisa|algo|droga|uma droga|um comprimido|comprimido|pozinho|"
           r"qualquer coisa)\s+n[ao] (?:minha |sua |meu |seu )?(?:bebida|copo|drink|cerveja|"
           r"caipirinha|cocktail|coquetel)|batizaram (?:a|o) (?:minha |meu |sua |seu )?(?:bebida|"
           r"copo|drink)|drogad[ao]s?|drogaram|boa noite cinderela|ghb)")
_CANT_STAND = (r"(?:nao (?:consegue|consigo|conseguimos|conseguia) (?:mais )?(?:ficar (?:de|em) pe|"
               r"andar|caminhar|se (?:levantar|mexer|mover)|me (?:levantar|mexer|mover)|"
               r"mexer-se|levantar-se|falar|pensar|ver)|nao (?:se aguenta|me aguento|aguenta|"
               r"aguento|se segura|me seguro|fica|fico) (?:mais )?(?:de|em) pe|"
               r"nao (?:sinto|sente) as pernas)")
_WHO = (r"(?:o meu ex|meu ex|a minha ex|minha ex|ex|ele|ela|eles|elas|alguem|um homem|uns homens|"
        r"um cara|uns caras|um gajo|uns gajos|um tipo|uns tipos|um grupo|uma gangue|um bando|"
        r"um desconhecido|um estranho|o agressor|(?:o )?meu (?:marido|ex-marido|ex marido|"
        r"companheiro|namorado|ex-namorado|ex namorado)|(?:a )?minha (?:mulher|ex-mulher|"
        r"companheira|namorada))")

# Said of heat, noise, work or laughter ("esse barulho vai me matar"): not a threat.
_HYPERBOLE = (r"(?!.*?\b(?:calor|frio|barulho|musica|trabalho|stress|estresse|exames?|provas?|"
              r"transito|fome|sono|dor|ressaca|dieta|saudades?|tedio|cansaco)\b[^.!?]{0,30}\bmat)")


# A needle or an injection (needle spiking) with feeling faint or strange now.
_NEEDLE = (r"\b(?:agulhas?|seringas?|picad\w*|picou|picaram|pica-me|injec\w*|injet\w*)\b")
_FAINT = (r"(?:tont\w*|zonz\w*|tontura\w*|a ficar mal|fica(?:ndo)? mal|frac[oa]|"
          r"nao consigo (?:ficar de pe|andar|ver|levantar)|desmai\w*|"
          r"(?:me )?sinto(?:-me)? estranh[oa]|enjoad\w*|a rodar|gira tudo|tudo a girar|"
          r"tudo girando|grogue)")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # a weapon, or a weapon used
    _unless(_NOT_A_THREAT, r"(?:\b" + _WEAPON + r"\b|\b(?:uma|a|sua|com|da|na|de) arma\b)"),
    r"\b(?:tem|tinha|tinham|traz|trazia|leva|levava|anda com|andava com|tirou|saca|sacou|"
    r"sacando|puxou|puxando|puxa|empunh\w*|aponta\w*|apontou|armad[oa]s? (?:com|de)|esta com|"
    r"estao com|ta com|tao com|veio com|vem com)\s+" + _DET + r"(?:" + _WEAPON + "|" + _BLUNT
    + r")\b(?! de (?:agua|brinquedo|silicone|cola|pintura))",
    _unless(_NOT_FICTION, r"(?<!cortar )(?<!corta )(?<!corte )(?<!descascar )(?<!barrar )"
    r"(?<!brincando )(?<!brinca )(?<!brincar )\bcom\s+" + _DET + r"(?:" + _WEAPON + "|" + _BLUNT
    + r")\b(?! de (?:agua|brinquedo|silicone|cola|pintura))"),
    r"\b(?:esfaque\w*|facadas?|navalhadas?|catanad\w*)\b",
    r"\b(?:balead[oa]s?|tiroteios?|levou (?:um tiro|tiros|uma bala)|lev(?:ou|aram|ei) um tiro|"
    r"(?:deu|deram|dar|dando|dou) (?:um )?tiros?|tiros (?:n[ao]|em|contra|pra|para)|"
    r"(?:esta|estao|ta|tao) (?:atirando|a atirar|a disparar|disparando)|"
    r"(?:ouvi|ouvimos|ouco|oico|se ouvem|ouvem-se|barulho de) (?:uns |dois |tres |varios )?"
    r"(?:tiros|disparos)|disparos|dispar(?:ou|aram|ando) (?:em|contra|n[ao])|"
    r"atir(?:ou|aram|ando|ar|a) (?:em mim|em nos|nele|nela|neles|nelas|contra|em alguem|num|numa|"
    r"em um|em uma|no (?:meu|seu) \w+|na (?:minha|sua) \w+))\b",
    r"\b(?:jog|atir|lanc|deit|despej)\w*\s+(?:\w+\s+)?acido\b(?! (?:folico|hialuronico|citrico|"
    r"salicilico|glicolico|latico|urico))|\b(?:ataque|atacad[oa]|queimad[oa]) com acido\b",
    # threats to kill or hurt
    _unless(_HYPERBOLE, r"\b(?:mat|esfaque|estupr|viol|enforc|estrangul|degol|bale|fur)(?:ar|a|o)-(?:me|"
    r"te|nos|vos|o|a|os|as|lo|la|los|las)\b"),
    _unless(_HYPERBOLE, r"\b(?:vai|vou|vao|vamos|quer|querem|queria|ameacou|ameaca|ameacaram|ameacando|"
    r"tentou|tentando|"
    r"tenta|tentar|disse que (?:vai|ia))[\s-]+(?:me|te|nos|lhe|a gente)?[\s-]*(?:de\s+)?"
    r"(?:matar|esfaquear|estuprar|violar|balear|degolar|enforcar|estrangular|sequestrar|furar)\b"
    r"(?! (?:aula|a saudade|as saudades|saudade|o tempo|tempo|a fome|a sede|o trabalho|o bicho|"
    r"a barata|as baratas|baratas|o mosquito|mosquitos|a aula|o jogo))"),
    r"\b(?:vai|vou|vao|vamos|quer|querem|ameacou|ameaca|ameacaram|tentou|tenta|disse que (?:vai|ia))"
    r"[\s-]+" + _CLITIC + r"[\s-]+(?:de\s+)?(?:bater|espancar|agredir|machucar|queimar|"
    r"dar uma surra|dar um tiro|dar uma facada|arrebentar|partir a cara|quebrar a cara|"
    r"partir todo|quebrar todo|jogar acido|atirar acido)\b",
    r"\b(?:vai|vou|vao|quer|querem)\s+(?:bater|espancar|agredir|queimar|esfaquear)-(?:me|te|nos|"
    r"lhe)\b",
    _unless(_HYPERBOLE, r"\b(?:matar|esfaquear|balear) (?:o|a|os|as) (?:meu|minha|meus|minhas|nosso|"
    r"nossa|teu|tua)\b|"
    r"\bmatar (?:voce|vc|todos|toda a gente|a gente|ela|ele|eles|elas|a minha|o meu)\b"
    r"(?! de (?:rir|saudade))"),
    r"\bameac\w* de morte\b|\b(?:me|nos) (?:esta |estao |ta |tao |estava )?ameacando\b|"
    r"\bameacando-(?:me|nos)\b|\ba ameacar-(?:me|nos)\b|\bameac\w*(?:-me|-nos)? com (?:uma|um|a|o)\b",
    # hitting, beating, attacking now
    r"\b(?:me|te|nos|lhe)\s+(?:esta|estao|ta|tao|estava|continua|fica|estavam)?\s*(?:batendo|"
    r"espancando|agredindo|socando|chutando|estrangulando|esganando|sufocando|enforcando|"
    r"estuprando|violentando|atacando|arrastando|esfaqueando|esmurrando)\b",
    r"\b(?:batendo|bater|espancando|agredindo|socando|chutando|esmurrando|(?:dando|dar|deu|deram) "
    r"(?:socos|murros|pontapes|chutes|porrada|pancada|tapas|bofetadas))\s+(?:(?:em|n[ao]s?)\s+"
    r"(?:mim|nos|ela|ele|eles|elas|minha|meu|minhas|meus|sua|seu|uma|um|alguem|criancas?|mulher|"
    r"menin\w*|rapaz|moc[oa]|miud\w*|filh\w*|mae|pai)|(?:num|numa|nuns|numas) \w+)\b",
    r"\ba (?:bater|espancar|agredir|esmurrar|pontapear|estrangular|sufocar|violar|atacar|"
    r"esfaquear)(?:-(?:me|nos|lhe|lhes|la|lo)\b| (?:em |n[ao]s? )?(?:mim|minha|meu|mae|pai|ela|"
    r"ele|uma|um|alguem|criancas?|mulher|filh\w*|rapaz|miud\w*)\b)",
    r"\b(?:bater|espancar|agredir|esmurrar|pontapear|estrangular|sufocar|atacar|bate|espanca)"
    r"-(?:me|nos|lhe)\b",
    r"(?<!se )\bme (?:bate|batem|espanca|espancam|agride|agridem|soca|chuta|estrangula|violenta|"
    r"estupra)\b(?! (?:uma|um|a porta|na porta|o sol|bem))",
    r"\b(?:espanc\w*|esganad\w*|esgan(?:ou|ar|ando)|estrangul\w*|pancadaria|tareia|"
    r"(?:levando|levou|levar|dando|deu|deram|dar|cair na|caiu na) porrada|"
    r"(?:levando|levou|levar|dando|deu|deram|dar) (?:uma )?(?:surra|sova|tareia)|a pontape|"
    r"aos pontapes|aos murros|aos socos|a murro|a soco)\b",
    r"\bagred(?:ir|ido|ida|idos|idas|iu|indo|iram)\b|\b(?:dar|deu|dao|deram|dando|a dar)-(?:lhe|me|"
    r"nos|lhes) (?:porrada|uma surra|pancada|uma sova|uma tareia|socos|murros|pontapes)\b",
    r"\b(?:agarr|segur|apert|pux)\w*\s+(?:\w+\s+)?(?:pelo pescoco|pela garganta|no pescoco)\b|"
    r"\bmaos no (?:meu )?pescoco\b",
    # a fire set now, or about to be
    r"\b(?:peg\w*|bot\w*|pus\w*|por|poe|pondo|deit\w*|tac\w*|ate(?:ou|ar|aram|ando|ia)) fogo\b|"
    r"\bfogo n[ao] (?:casa|porta|predio|carro|lixo|lixeira|contentor|caixote|escada|janela|"
    r"apartamento|quarto|cozinha)\b|\b(?:tem|ha) fogo\b|^[\W_]*fogo+[\W_]*$",
    r"\b(?:em chamas|incendi\w*|molotov|gasolina (?:na|no|pela|pelo|debaixo|dentro|por baixo)|"
    r"(?:jogando|atirando|deitando|despejando|a deitar|a despejar|jogaram|despejaram) gasolina|"
    r"fumo (?:por todo|em todo|a sair)|fumaca (?:por tod[oa]|saindo|em tod[oa])|muito fumo|"
    r"muita fumaca)\b",
    r"\b(?:casa|predio|porta|carro|apartamento|quarto|tudo|contentor|lixeira|caixote|escada) "
    r"(?:esta |ta )?(?:a arder|ardendo)\b|\bquei?ma(?:r|ndo) (?:a casa|tudo|a porta|o carro|"
    r"o predio|a lixeira|o contentor|o apartamento)\b|\bqueimar\w* viv[oa]s?\b",
    # someone getting in, outside the door, or searching for the one hiding
    r"\b(?:tentando|a tentar|tenta|tentam|tentou|tentaram|quer|querem)\s+entrar\b(?! (?:n[oa] "
    r"(?:site|pagina|app|aplicativo|aplicacao|conta|portal|faculdade|universidade|curso|sistema)"
    r"|em (?:contato|contacto)))",
    r"\bentrar a forca\b|\b(?:arromb(?:ando|ar|a|am)|a arrombar|forcando|a forcar|forca|forcam|"
    r"derrub(?:ar|ando|a|am)|a derrubar|chutando|a pontapear|esmurrando|a esmurrar|socando|"
    r"a partir|partindo|quebrando|arrebentando|a arrebentar)\s+(?:a|o|as|os|minha|meu|nossa)\s+"
    r"(?:porta|portao|janela|fechadura|janelas)\b",
    r"\b(?:dando|a dar|dao) (?:pontapes|chutes|murros|socos|pancadas) n[ao] (?:porta|portao|janela)\b|"
    r"\b(?:batendo|a bater) (?:forte|com forca|muito|sem parar) n[ao] (?:porta|portao|janela)\b",
    r"\b(?:intrus[oa]s?|ladr(?:ao|oes) (?:em|dentro de|dentro da|na) (?:minha |nossa )?casa|"
    r"(?:tem|ha) (?:alguem|um homem|um cara|um gajo|gente|um estranho|um desconhecido) "
    r"(?:dentro de|dentro da|em|na) (?:minha |nossa )?casa|entrou (?:alguem|um homem|um cara|um "
    r"gajo|gente|um ladrao) (?:em|na|dentro de) (?:minha |nossa )?casa|alguem entrou (?:em|na) "
    r"(?:minha |nossa )?casa)\b",
    r"\b" + _WHO + r"\s+(?:esta|estao|ta|tao|continua|ficou|voltou|fica|anda)?\s*(?:ai |aqui |la )?"
    r"(?:(?:fora|do lado de fora|em frente|na frente|a porta|na porta) (?:da|de|a|do) (?:minha|nossa) "
    r"(?:casa|porta|janela|predio|vivenda)|(?:do lado de fora|em frente|a porta|na porta) (?:da|a|"
    r"de) (?:casa|porta|janela|predio)|a porta|na minha porta|a minha porta|atras da porta)\b",
    r"\b(?:me|nos) (?:esta |estao |ta |tao )?esperando (?:la )?(?:fora|embaixo|em baixo|na porta|"
    r"a porta)\b|\b(?:esta|estao|ta|tao) a (?:minha|nossa) espera (?:la fora|a porta|la em baixo|"
    r"na rua|ca fora)\b",
    r"\b(?:tem|ha) (?:um|uns|uma|umas|dois|tres|alguem|gente)\s*(?:homens?|caras?|gajos?|tipos?|"
    r"grupo|estranhos?|desconhecidos?|rapazes|mulher)?\s+(?:\w+\s+)?(?:na|a|em frente a|em frente "
    r"da|do lado de fora da|fora da) (?:minha |nossa )?(?:porta|casa|janela)\b",
    r"\b(?:estou|estamos) escondid[ao]s?\b|\bme escondi\b|\bescondi-me\b|\bnos escondemos\b|"
    r"\bescondemo-nos\b|\bescondendo-me\b|\bme escondendo\b|\ba esconder-me\b",
    r"\b(?:subindo|a subir) (?:as escadas|a escada)\b",
    # followed or chased now
    r"\b(?:me|nos)\s+(?:esta|estao|ta|tao|vem|veio|vinha|estava|estavam)?\s*(?:seguindo|"
    r"perseguindo)\b(?! n[oa] (?:insta\w*|twitter|tiktok|face\w*|redes|x\b))|\ba (?:seguir|"
    r"perseguir)-(?:me|nos)\b|\b(?:seguindo|perseguindo)-(?:me|nos)\b|\bme (?:persegue|perseguem)\b"
    r"(?! n[oa] )|\b(?:me|nos) (?:segue|seguem) (?:um|uma|uns|alguem|desde|ate|pela rua)\b|"
    r"\b(?:seguiu-me|me seguiu|seguiram-me|me seguiram) ate\b|\b(?:sendo|a ser) (?:seguid|"
    r"perseguid)[ao]s?\b(?! n[oa] (?:insta\w*|twitter|tiktok|face\w*|redes))",
    # trapped, locked in, held or taken
    r"\b(?:me|nos) (?:trancou|trancaram|prendeu|prenderam|fechou|fecharam) (?:em|no|na|dentro|num|"
    r"numa)\b|\b(?:trancou|fechou|prendeu|trancaram|fecharam|prenderam)-(?:me|nos) (?:em|no|na|"
    r"dentro|num|numa)\b",
    r"\b(?:estou|estamos|esta|estao|to|ta) (?:trancad|pres|fechad)[ao]s? (?:em|no|na|dentro|num|"
    r"numa)\b(?! (?:o |a )?(?:transito|engarrafamento|fila|trabalho|elevador|fila))",
    r"\bnao (?:me|nos|a|o) deixa(?:m)? (?:sair|ir embora|fugir|passar)\b(?!\s+(?:com|sozinh\w*|"
    r"a noite|de noite|a rua|para (?:trabalhar|ver|festas?)|nunca|sem))",
    r"\b(?:cativeiro|carcere privado|refem|refens|raptad[ao]s?|rapt(?:aram|ou|ar)|rapto)\b|"
    r"\bsequestr\w*\b(?!(?: \w+)?(?: \w+)? (?:conta|contas|perfil|whatsapp|instagram|facebook|"
    r"dados|computador|telemovel|celular|carro|mota|moto|macchina|auto|telefono|cellulare|"
    r"droga|merce|beni)\b)",
    # someone collapsed, unconscious, fitting or bleeding
    r"\b(?:desmai\w*|perdeu (?:os sentidos|a consciencia|o sentido|os sentido)|sem sentidos|"
    r"caiu (?:no chao )?e nao (?:se mexe|reage|acorda)|e nao se mexe|nao se mexe e|desfalec\w*|"
    r"convuls\w*|ataque epileptico|crise epileptica)\b",
    _unless(_NOT_FICTION, r"\b(?:esta sangrando|ta sangrando|a sangrar|sangrando muito|muito sangue|"
    r"sangue por todo (?:o )?lado|sangue por toda parte)\b"),
    r"\b(?:homens?|caras?|gajos?|tipos?|alguem|gente|individuos?|encapuzad[oa]s?|ladr(?:ao|oes)|"
    r"esta|estao|ta|tao|vai|vao|anda|andam)\s+armad[oa]s?\b|\ba mao armada\b",
    r"(?<!um )(?<!uma )(?<!o )(?<!muito )(?<!un )(?<!una )(?<!el )(?<!lo )(?<!l')(?<!che )"
    r"\binconscientes?\b",
    r"\b" + _CANT_STAND + r"\b",
    # a cry for help, as the whole message or opening one about fear or someone coming
    r"^[\W_]*(?:(?:" + _PLEASE + r"|sos)[\W_]*)*" + _CRY + r"(?:[\W_]+(?:" + _CRY + "|" + _PLEASE
    + r"|sos|ja|rapido|urgente|agora|alguem|alguem me ajude))*[\W_]*$",
    r"^[\W_]*alguem me (?:ajude|ajuda|acuda|salve)[\W_]*(?:" + _PLEASE + r")?[\W_]*$",
    r"^[\W_]*" + _CRY + r"[\W_]+(?:" + _PLEASE + r"[\W_]+)?(?:tenho (?:muito )?medo|estou (?:com )?"
    r"medo|to com medo|(?:ele|ela|eles) (?:esta|ta|estao) (?:aqui|a entrar|entrando|la fora|"
    r"na porta)|(?:vem|ta vindo|esta a vir) ai|(?:vai|quer|querem) me\b|esta a entrar|"
    r"esta entrando)",
    r"(?<!pronto )(?<!pronto-)(?<!de )(?<!do )(?<!posto de )\bsocorro+(?:\s*!|[\W_]*$)|"
    r"\b(?:ped\w*|grit\w*|gritar)\s+(?:\w+\s+)?socorro\b|^[\W_]*(?:socorro+|acudam)\s*!",
    r"\b(?:chamem|liguem|alguem chame|alguem ligue|chamem ja|liguem ja)\s+(?:(?:pra|para|pro|a)\s+)?"
    r"(?:(?:a|o|os|uma)\s+)?(?:policia|112|190|192|193|ambulancia|inem|samu|bombeiros|psp|gnr)\b|"
    r"^[\W_]*(?:chama|liga (?:pra|para|pro)) (?:(?:a|o|uma)\s+)?(?:policia|112|190|ambulancia|"
    r"inem|samu)\b",
    r"\b(?:mandem|manda|enviem|precis(?:o|amos) de|precis(?:o|amos))\s+(?:ja |agora )?(?:a policia|"
    r"uma ambulancia|o inem|o samu|ajuda ja|ajuda agora|ajuda urgente|socorro)\b",
    r"^[\W_]*(?:preciso|precisamos) de ajuda (?:ja|agora|urgente|rapido)\b[\W_]*(?:" + _PLEASE
    + r")?[\W_]*$",
    r"(?<!nao )(?<!ja nao )\b(?:estou|estamos|esta|estao|to|ta|tamo|tamos|corro|corre|corremos|"
    r"correm|correndo)\s+(?:\w+\s+)?(?:em )?perigo\b(?! de (?:extincao|perder|despejo|ser "
    r"despejad))",
    r"(?<!nao )\b(?:e|isto e|isso e|tenho|temos|ha|tem) uma emergencia\b|^[\W_]*emergencia[\W_]*$",
    # suicide and self-harm, said of oneself or of someone else
    r"\bsuicid\w*",
    _unless(_HYPERBOLE, r"\b(?:me|se|te) matar\b(?! de (?:trabalhar|rir|estudar))|\bmatar-(?:me|se)\b|"
    r"\bvou-me matar\b|\bmatei-me\b"),
    r"\btirar a (?:minha|propria|sua) (?:propria )?vida\b|\bacabar com a (?:minha|propria|sua) "
    r"vida\b|\bpor fim a (?:minha )?vida\b|\bacabar com tudo\b(?! (?:isso|isto|com))",
    r"\b(?:atirar-(?:me|se)|me atirar|se atirar|me jogar|se jogar|jogar-(?:me|se)|vou pular|"
    r"vai pular|vou saltar|vai saltar|pular|saltar)\s+(?:d[oa]|de|pela|pelo|para|na frente d[eoa]|"
    r"debaixo d[eoa]|em baixo d[eoa]|para baixo d[eoa])\s+(?:\w+\s+)?(?:ponte|janela|varanda|"
    r"predio|telhado|viaduto|penhasco|falesia|comboio|trem|metro|linha|carro|onibus|autocarro|"
    r"sacada|terraco|andar|prédio)\b",
    r"\bprestes a (?:pular|saltar|se atirar|se jogar)\b|\bameac\w* (?:pular|saltar|se atirar|"
    r"se jogar|atirar-se|jogar-se)\b",
    r"\bnao (?:quero|quer) (?:mais )?viver\b(?! (?:aqui|em|com|assim|nesse|neste|nessa|nesta|"
    r"perto|ao lado|nesta casa))|\bnao aguento mais viver\b|\bnao quero (?:mais )?estar aqui\b|"
    r"\bnao quero acordar (?:mais|amanha|nunca mais)\b",
    r"\b(?:tomei|tomou|tomaram|engoli|engoliu|tomado|engolido)\s+(?:todos os|todas as|"
    r"uma caixa (?:inteira )?de|um frasco (?:inteiro )?de|uma cartela (?:inteira )?de|"
    r"um monte de|muitos|muitas|uma mao cheia de|uma data de|varios|varias|um punhado de)\s+"
    r"(?:\w+\s+)?(?:comprimidos|remedios|pilulas|medicamentos|calmantes|antidepressivos|"
    r"paracetamol|rivotril|soniferos)\b",
    r"(?<!nao quero )(?<!medo de )(?<!sem )\b(?:me machucar|machucar-me|me cortar|cortar-me|"
    r"me cortando|a cortar-me|automutil\w*|autolesao|autolesoes|cortar os pulsos|fazer mal a mim)\b",
    r"\b(?:mensagem|carta|bilhete) de despedida\b",
    r"\bsabe onde (?:eu )?(?:estou|moro|estamos|vivo)\b|\bdescobriu onde (?:eu )?(?:estou|moro|"
    r"estamos|vivo)\b",
)

PRESENT = (
    # found by the person they fled
    r"\b(?:me|nos) (?:encontrou|achou|encontraram|acharam|localizou)(?=\s*(?:[.,!?;]|$|e\b|ja\b|"
    r"aqui|de novo|outra vez))|\b(?:encontrou|encontraram)-(?:me|nos)\b",
    # a body in trouble now
    r"\bnao (?:esta |estao |ta |consegue |consigo |conseguimos )?(?:a )?respir(?:a|am|ando|ar)\b"
    r"(?! (?:bem|pelo nariz|direito))",
    r"\bparou de respirar\b|\bmal (?:respira|consegue respirar|esta a respirar|esta respirando)\b",
    r"\bnao (?:esta |consigo |conseguimos |consegue )?(?:acorda(?:r|ndo)?|reage|reagindo|reaje)\b"
    r"(?! (?:cedo|a tempo|de manha|com o despertador|antes|nunca|as mensagens|aos))",
    r"\bnao (?:consigo|conseguimos|consegue) acorda-(?:lo|la|los|las)\b|\bnao (?:consigo|"
    r"conseguimos) (?:o|a) acordar\b",
    r"\b(?:ficando|a ficar|esta|ta|ficou|labios(?: estao| tao| ficaram| a ficar| ficando)?) "
    r"(?:roxo|roxa|roxos|azul|azuis)\b(?! de (?:frio|vergonha))|\bolhos revirados\b",
    r"\b" + _SPIKED + r"\b.{0,40}?\b" + _CANT_STAND + r"\b",
    r"\b" + _CANT_STAND + r"\b.{0,40}?\b" + _SPIKED + r"\b",
    # someone missing now
    _unless(_NOT_LONG_AGO, r"\b(?:meu|minha|meus|minhas|o|a|nosso|nossa)\s+" + _REL
    + r"\b[^.!?]{0,40}?\b(?:desapareceu|desapareceram|sumiu|sumiram|(?:esta|estao|ta) "
    r"(?:desaparecid|sumid)[ao]s?|nao (?:voltou|chegou|regressou|veio) (?:ainda )?(?:para|pra|a|"
    r"em) casa|nao (?:voltou|veio) (?:da|do) (?:escola|colegio|creche)|ainda nao (?:voltou|"
    r"chegou|apareceu)|nao aparece\b|nao apareceu\b(?! n[ao] )|se perdeu|perdeu-se|fugiu de casa|"
    r"nao esta em lado nenhum|nao esta em lugar nenhum)\b"),
    r"\bnao (?:encontro|encontramos|acho|achamos|consigo encontrar|consigo achar|conseguimos "
    r"encontrar|conseguimos achar)\s+(?:o |a )?(?:meu|minha|nosso|nossa)\s+" + _CHILD + r"\b",
    # not safe, or wanting to die, said now
    r"\bnao (?:estou|estamos|to|tamos|esta|estao) (?:a salvo|segur[ao]s?)\b(?! (?:de|se|que|disso|"
    r"sobre))|\bnao me sinto segur[ao] (?:aqui|agora|em casa)\b",
    r"\b(?:quero|quer|queria|queremos) morrer\b" + _JEST + r"|\bvontade de morrer\b" + _JEST,
    r"\bdo outro lado (?:da grade|do parapeito|da vedacao|do corrimao|da barreira)\b",
)
