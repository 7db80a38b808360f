"""Spanish words for danger now (see bot/safety/__init__.py).

Written for this project on 2026-12-07 by an AI language-model helper; not yet reviewed
by a native speaker. Spanish of Spain and of Latin America; matched against `normalise`d
text (no accents, so "apuñaló" is written "apunalo", "niño" "nino").

Choices a reviewer should know:
- A bare weapon word fires only when the message says nothing of buying, selling,
  cooking, shaving, a film or game, toys, or crime figures ("juego de cuchillos en
  venta", "¿hay muchos delitos con navaja?"); a weapon someone has or holds ("tiene un
  cuchillo de cocina", "con una navaja") fires whatever else is said.
- A cry for help fires as the whole message ("¡socorro!", "ayúdenme por favor"), or at its
  start with fear or someone coming after it; "necesito ayuda con..." does not. "Socorro"
  is also a woman's name and "pronto-socorro" a Brazilian A&E: those are left out.
  "Auxilio" fires only at the start of a message (Brazilian "auxílio emergencial" is a
  benefit). A bare "ayuda" fires too, though it may be a request for the menu: the model
  may overrule it. "SOS" counts only beside a Spanish cry ("sos ayuda").
- "Seguro" is both "safe" and "sure": "no estoy segura" (I'm not sure) is left out; only
  "no estoy a salvo" and "no me siento segura aquí / en casa" count as not safe.
- "Me quiero morir" is often said in jest ("me quiero morir de vergüenza"): it counts
  unless "de vergüenza / de risa..." follows. "Me muero de aburrimiento" never counts.
- Being kept in is only "no me deja salir / irme" when not followed by "con (amigas)",
  "sola" or "de fiesta" (those are coercive control, not danger now, as in English).
- Someone missing: a child or relative who "ha desaparecido", "se ha perdido", "no ha
  vuelto a casa", "no aparece" is PRESENT; the preterite ("desapareció"), common in Latin
  America for just now, is an EVENT; both are left out when the message tells a time long
  past ("el año pasado", "hace dos años").
- Singular "arma" counts only after an article ("un arma", "con su arma"): "arma un
  escándalo" is "makes a scene".
- "Me va a matar" said of noise, heat, work or laughter ("este ruido me va a matar") is
  left out.
- "Pegar" is also "to glue" and "to suit"; "disparar" also "to set off" ("se disparó la
  alarma"); "inconsciente" also "reckless" ("es un inconsciente"): those senses are left out.
"""

from __future__ import annotations

from bot.safety import both, romance

# Weapons, as nouns (singular and plural, with common typos).
# ("machete" is an English word too, which the English words catch: it counts here only
# when someone has one or comes with one.)
_WEAPON = (r"(?:cuchill(?:o|os|a|as)|cuchiyos?|cuchilo|navajas?|punal(?:es)?|"
           r"pistolas?|revolver|escopetas?|armas(?: de fuego| blancas)?|arma (?:de fuego|blanca)|"
           r"(?:un|el|su|mi|tu|del|otra|con) arma|fusil(?:es)?|"
           r"ballestas?|punos? americanos?|katanas?|machetas?)")
# Blunt things used as weapons, when someone has them or comes with them.
_BLUNT = (r"(?:machetes?|hachas?|bates?(?: de beisbol)?|martillos?|palancas?|barras? de (?:hierro|metal)|"
          r"botellas? rotas?|ladrillos?|palos(?: de golf)?|cadenas?)")
_DET = r"(?:(?:un|una|el|la|los|las|unos|unas|su|sus|mi|dos|tres|otro|otra)\s+)?"
# Weapons named with no one holding one: a film, a game, shopping (shared: romance.py).
_NOT_A_THREAT, _NOT_FICTION = romance.NOT_A_THREAT, romance.NOT_FICTION
_unless = romance.unless
_OBJ = r"(?:me|te|la|lo|le|nos|os|los|las|les)"
_PERSONAL = r"(?:me|te|le|nos|os|les)"
# Who can go missing: a child, a relative or a friend (not a pet or a thing).
_REL = (r"(?:hij[oa]s?|hijit[oa]s?|nin[oa]s?|nene|nena|bebe|crio|cria|peque|pequen[oa]|"
        r"madre|padre|mama|papa|abuel[oa]s?|abuelit[oa]|herman[oa]s?|hermanit[oa]|amig[oa]s?|"
        r"niet[oa]s?|sobrin[oa]s?|chaval(?:a)?)")
_CHILD = (r"(?:hij[oa]s?|hijit[oa]|nin[oa]s?|nene|nena|bebe|crio|cria|peque|pequen[oa]|"
          r"hermanit[oa]|niet[oa]|madre|padre|abuel[oa]|abuelit[oa])")
# A time long past: a missing person told as history.
_NOT_LONG_AGO = (r"(?!.*\b(?:ano pasado|hace (?:\w+ )?(?:anos|meses|semanas)|mes pasado|"
                 r"semana pasada|en (?:19|20)\d\d|durante (?:\w+ )?(?:dias|semanas|meses)|"
                 r"cuando (?:tenia|era)|de pequen[oa])\b)")
# Said in jest: dying of shame, of laughter, of boredom.
_JEST = (r"(?!\s+(?:de|del|de la|por) (?:verguenza|risa|amor|envidia|gusto|hambre|sueno|calor|"
         r"frio|aburrimiento|pena|asco|ganas|cansancio|nervios|celos|sed))")
_CRY = r"(?:ayuda+|ayudame+|ayudenme+|ayudeme|socorro+|auxilio+|salvame|salvenme)"
_PLEASE = r"(?:por ?favor|porfa|porfavor|xfa|x favor|pf)"
_SPIKED = (r"(?:(?:ech|pus|puest|met|pon)\w*\s+(?:algo|droga\w*|burundanga|escopolamina|ghb|"
           r"pastillas?)\s+en\s+(?:la|mi|su|el|tu)\s+(?:bebida|copa|vaso|cubata|cerveza|"
           r"refresco|coctel|cocktail|trago)|drogad[oa]s?|drogaron|burundanga|escopolamina|ghb)")
_CANT_STAND = (r"no (?:puede|puedo|consigue|consigo|logra|logro|se puede|me puedo|se|me)\s+"
               r"(?:mantener(?:se|me)? en pie|tener(?:se|me)? en pie|tiene en pie|tengo en pie|"
               r"poner(?:se|me)? de pie|andar|caminar|mover(?:se|me)?|hablar|ver|pensar|"
               r"sostener(?:se|me)?|levantar(?:se|me)?)")

# Said of heat, noise, work or laughter ("este ruido me va a matar"): not a threat.
_HYPERBOLE = (r"(?!.*?\b(?:calor|frio|ruido|musica|trabajo|estres|examen(?:es)?|trafico|"
              r"hambre|sueno|dolor|deberes|dieta|resaca|risa|cansancio)\b[^.!?]{0,30}\bmatar)")


# A needle or an injection (needle spiking) with feeling faint or strange now.
_NEEDLE = (r"\b(?:agujas?|jeringas?|jeringuillas?|pinchaz\w*|pinch(?:o|aron|ado|ada)|"
           r"inyect\w*)\b")
_FAINT = (r"(?:mare\w*|da vueltas|dando vueltas|no me tengo en pie|"
          r"no puedo (?:estar de pie|andar|caminar|levantarme|ver)|desmay\w*|"
          r"me siento rar[oa]|aturdid\w*|debil|nauseas|borros\w*|medio dormid[oa])")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # stones or bottles being thrown at a home or at people
    r"\b(?:tirando|lanzando|arrojando|tirandonos|tirandome)\b[^.!?]{0,25}\b(?:piedras|ladrillos|"
    r"botellas|adoquines)\b[^.!?]{0,30}\b(?:ventanas?|cristal(?:es)?|puerta|casa|nosotros|"
    r"mi|nuestras?)\b",
    # a weapon, or a weapon used
    _unless(_NOT_A_THREAT, r"\b" + _WEAPON + r"\b(?! (?:un|el|la|una) (?:escandalo|jaleo|lio|"
    r"bronca|pollo|follon|cirio|barullo|pelea))"),
    r"\b(?:tiene|tenia|tienen|tenian|lleva|llevaba|llevan|saca|saco|sacado|sacando|sacaron|"
    r"empun\w*|blandi\w*|agarra|agarro|coge|cogio)\s+" + _DET + r"(?:" + _WEAPON + "|" + _BLUNT
    + r")\b(?! de (?:agua|juguete|silicona|calor|pintura))",
    _unless(_NOT_FICTION, r"(?<!corta )(?<!cortar )(?<!corte )(?<!pelar )(?<!pela )(?<!unta )"
    r"(?<!untar )(?<!jugando )(?<!juega )\bcon\s+" + _DET + r"(?:" + _WEAPON + "|" + _BLUNT
    + r")\b(?! de (?:agua|juguete|silicona|calor|pintura))"),
    r"\b(?:apunal\w*|acuchill\w*|navajazos?|punaladas?|machetazos?|cuchilladas?|rajad[oa]s? con)\b",
    r"\b(?:disparos|disparando|dispararon|disparandome|" + _OBJ + r" (?:ha |han |va a |van a |"
    r"quiere |quieren )?dispar\w*|dispar(?:o|ar|ado) (?:a|contra) (?:mi|un|una|el|la|alguien)|"
    r"balazos?|balead[oa]s?|balacera|tiroteos?|a tiros|pegando tiros|peg(?:o|ar|arse|arme) un tiro|"
    r"pegaron un tiro|(?:se oyen|oigo|escucho|he oido|suenan) (?:unos )?(?:tiros|disparos))\b",
    r"\b(?:tir\w*|ech\w*|lanz\w*|arroj\w*)\s+(?:(?:me|le|nos|les)\s+)?acido\b(?! (?:citrico|folico|"
    r"hialuronico|salicilico|ascorbico|acetico|glicolico|lactico|urico))|\b(?:ataque|atac\w*|"
    r"amenaz\w*|quemad[oa]s?|rociad[oa]s?)\s+con\s+acido\b",
    # threats to kill or hurt
    _unless(_HYPERBOLE, r"\b(?:matar|apunalar|rajar|violar|ahorcar|estrangular|degollar|disparar)(?:me|"
    r"te|la|lo|le|nos|los|las|les)\b"),
    r"\bmatar a (?:mi|mis|su|sus|tu|tus|nuestr\w*|alguien|todos|todas|los ninos|las ninas|"
    r"el nino|la nina|mama|papa)\b",
    _unless(_HYPERBOLE, r"\b(?:voy|vas|va|vamos|van|vais)\s+a\s+(?:matar|apunalar|rajar|violar|disparar|"
    r"degollar|"
    r"ahorcar|estrangular)\b(?! (?:el tiempo|el rato|las horas|el aburrimiento|el gusanillo|"
    r"el hambre|la sed|dos pajaros|moscas|mosquitos|cucarachas?|bichos|las plantas))"),
    _unless(_HYPERBOLE, r"\b" + _OBJ + r"\s+(?:va|van|voy|vamos|vas|quiere|quieren|intenta|intento|intentan|"
    r"amenaza con|amenazo con|trata de|trato de|ha intentado|esta intentando)\s+(?:a\s+)?"
    r"(?:matar|apunalar|rajar|violar|disparar|quemar|ahorcar|estrangular|ahogar|degollar|secuestrar)\b"),
    r"\b" + _PERSONAL + r"\s+(?:va|van|voy|vamos|vas|quiere|quieren|intenta|intentan|"
    r"amenaza con|trata de|esta intentando)\s+(?:a\s+)?(?:pegar|golpear|hacer dano|dar una paliza|"
    r"reventar|partir la cara|tirar acido|echar acido)\b",
    r"\bamenaz\w*\s+(?:de muerte|con (?:matar\w*|apunal\w*|rajar\w*|pegar\w*|quemar\w*|"
    r"disparar\w*|violar\w*|hacer\w* dano|tirar\w* acido|echar\w* acido|llevarse a (?:mis|los|mi)|"
    r"un |una |el |la ))|\bamenazas de muerte\b",
    r"\b(?:me|nos|la|lo|le|les)\s+(?:esta|estan|estaba|sigue|siguen)\s+amenazando\b|"
    r"\bamenazandome\b|\bamenazandonos\b",
    # hitting, beating, attacking now
    r"\b" + _OBJ + r"\s+(?:esta|estan|estaba|estaban|sigue|siguen)\s+(?:pegando|golpeando|"
    r"pateando|ahorcando|estrangulando|asfixiando|ahogando|agrediendo|atacando|violando|"
    r"maltratando|zarandeando|arrastrando|apunalando|dando (?:una paliza|patadas|golpes|punetazos))\b",
    r"\b(?:peg|golpe|pate|ahorc|estrangul|asfixi|agredi|atac|viol|ahog|arrastr|maltrat)"
    r"(?:a|e|ie)ndo(?:me|te|le|les|la|lo|los|las|nos)\b",
    r"\b(?:esta|estan)\s+(?:pegando|golpeando|agrediendo|atacando|apunalando|violando|"
    r"maltratando|estrangulando|ahorcando|pateando|dando una paliza|dandole una paliza|"
    r"dandole patadas)\s+a\s+\w+",
    r"(?<!se )\b(?:me|nos)\s+(?:pega|pegan|golpea|golpean|patea|patean|ahorca|estrangula|"
    r"agrede|agreden|ataca|atacan|viola|violan)\b(?!\s+(?:el sol|bien|mal|mucho|el|la|los|las)\b)",
    r"\ba (?:golpes|punetazos|patadas|cabezazos|bofetadas|hostias|ostias|palos|navajazos)\b",
    r"\b(?:dando|dandole|dandome|dandoles|dan|dieron|dio|me dio|le dio|pegando|pegandole|"
    r"pegaron|metiendo|metiendole)\s+(?:una |un )?(?:paliza|palizas|patadas|punetazos|bofetadas|"
    r"hostias|ostias|cachetadas|cabezazo|navajazo|punalada)\b(?! (?:al|a la|a un|a una) "
    r"(?:balon|pelota|bola))",
    r"\bestrangul\w*|\b(?:agarr\w*|cog\w*|sujet\w*|apret\w*|tiene|tenia)\s+(?:\w+\s+)?"
    r"(?:del|por el|por la) (?:cuello|garganta)\b",
    r"\bagredi(?:do|da|dos|das|endo|endome|endola|endole|r)\b|\bme (?:ha |han )?agredido\b",
    # a fire set now, or about to be
    r"\b(?:prend|peg|met)\w*\s+fuego\b|\bfuego en (?:mi|la|el|nuestra|nuestro|los|las)\b|"
    r"\bhay fuego\b|^[\W_]*fuego+[\W_]*$",
    r"\b(?:en llamas|incendi\w*|ardiendo|coctel(?:es)? molotov|molotov|(?:echando|tirando|"
    r"rociando|echan|tiran|echo|tiro) gasolina|gasolina (?:por|en|sobre|dentro de|debajo de) "
    r"(?:el|la|mi|nuestra|los|las)|(?:sale|saliendo) (?:mucho )?humo|humo por todas partes|"
    r"hay (?:mucho )?humo)\b",
    r"\bse (?:esta )?quemando (?:la casa|el piso|el edificio|la puerta|el coche|todo|la escalera|"
    r"el portal)\b|\bquemando (?:el|la|los|las|mi|nuestra|nuestro|un|una) (?:contenedor\w*|"
    r"coches?|puerta|casa|basura|cubos?|buzon|moto|edificio|portal|escalera)\b|"
    r"\b(?:quemar|incendiar)\s+(?:la casa|el piso|mi casa|nuestra casa|el edificio|"
    r"la puerta|el coche|todo)\b|\bquemar\w*\s+viv[oa]s?\b",
    # someone getting in, outside the door, or searching for the one hiding
    r"\b(?:intent\w*|trat\w* de|forcejeando para)\s+(?:de\s+)?(?:entrar|meterse)\b(?! (?:a|en) "
    r"(?:la |mi |el |su )?(?:web|pagina|app|aplicacion|cuenta|portal|formulario|universidad|"
    r"carrera|curso|chat|sistema))",
    r"\bentrar (?:a|por) la fuerza\b|\b(?:forzando|forzar|fuerza|fuerzan|rompiendo|romper|"
    r"rompe|rompen|reventando|revienta|revientan|derribando|derriba|derriban|tirando abajo|"
    r"echando abajo|tirar abajo|echar abajo|aporreando|aporrea|aporrean|pateando|patea|patean|"
    r"dando patadas a|dando golpes (?:a|en)|golpeando)\s+(?:la|mi|nuestra|las)\s+"
    r"(?:puerta|ventana|cerradura|persiana)s?\b",
    r"\b(?:tiran|tirando|echando|echan) (?:abajo )?(?:la|mi) puerta\b|\b(?:tir|ech)\w* "
    r"(?:abajo (?:la|mi) puerta|(?:la|mi) puerta abajo)\b",
    r"\b(?:hombres?|tipos?|tios?|chicos?|chaval\w*|alguien|gente|individuos?|encapuchad[oa]s?|"
    r"ladron(?:es)?|esta|estan|va|van|viene|vienen)\s+armad[oa]s?\b|\ba mano armada\b",
    r"\b(?:intrus[oa]s?|(?:ladron|ladrones) (?:en|dentro de) (?:mi |la |nuestra )?casa|"
    r"hay (?:alguien|un hombre|un tio|un tipo|gente|unos hombres|un desconocido) (?:dentro de|en) "
    r"(?:mi |la |nuestra )?casa|se (?:ha|han) metido (?:alguien |un hombre |gente )?en (?:mi |la |"
    r"nuestra )?casa|(?:ha|han) entrado (?:alguien|un hombre|gente|ladrones|un ladron) (?:en|a) "
    r"(?:mi |la |nuestra )?casa|(?:alguien|un hombre|gente) (?:ha|han) entrado en (?:mi |la |"
    r"nuestra )?casa)\b",
    r"\b(?:mi ex|el|ella|ellos|ellas|alguien|un hombre|unos hombres|un tipo|unos tipos|un tio|"
    r"unos tios|un grupo|una banda|gente|un desconocido|desconocidos|el agresor|mi (?:marido|"
    r"exmarido|ex marido|expareja|ex pareja|novio|exnovio|ex novio|pareja))\s+(?:esta|estan|"
    r"sigue|siguen|lleva|llevan|ha vuelto|ha venido|vino|volvio)?\s*(?:\w+\s+)?(?:ahi |aqui )?"
    r"(?:fuera de|afuera de|delante de|frente a) (?:mi|la|nuestra|nuestro) (?:puerta|casa|piso|"
    r"ventana|portal|edificio)\b",
    r"\bhay (?:un|una|unos|unas|dos|tres|varios)?\s*(?:hombres?|tipos?|tios?|chicos?|chaval\w*|"
    r"gente|alguien|grupo|banda|desconocid[oa]s?|mujer|personas?)\s+(?:\w+\s+)?(?:fuera de|"
    r"afuera de|delante de|frente a|en) (?:mi|la|nuestra) (?:puerta|casa|ventana|portal)\b",
    r"\b(?:me|nos) (?:esta|estan) esperando (?:fuera|afuera|abajo|en la puerta|en el portal)\b|"
    r"\besperandome (?:fuera|afuera|abajo|en la puerta)\b",
    r"\b(?:estoy|estamos) escondid[oa]s?\b|\bme (?:he )?escondido\b|\bnos (?:hemos )?escondido\b|"
    r"\bme escondi\b|\bnos escondimos\b|\bescondiendo(?:me|nos)\b",
    r"\b(?:esta|viene|estan|vienen) subiendo (?:por )?las escaleras\b",
    # followed or chased now
    r"\b(?:me|nos)\s+(?:esta|estan|viene|vienen|sigue|siguen|lleva|llevan)\s+(?:siguiendo|"
    r"persiguiendo)\b(?! en )|\b(?:siguiendome|siguiendonos|persiguiendome|persiguiendonos)\b"
    r"(?! en )|\b(?:me|nos) (?:persigue|persiguen)\b(?! en )|\b(?:me|nos) (?:sigue|siguen) "
    r"(?:un|una|unos|unas|alguien|dos|tres|desde|hasta|por la calle)\b|\bseguido hasta (?:mi )?casa\b",
    # trapped, locked in, held or taken
    r"\b(?:me|nos|la|lo|te)\s+(?:ha |han |tiene |tienen )?(?:encerrad[oa]s?|encerro|encerraron|"
    r"encierra|encierran)\b(?! fuera)",
    r"(?<!siento )(?<!sentir )(?<!sentirme )\b(?:encerrad|atrapad|retenid|secuestrad)[oa]s?\b"
    r"(?! (?:en (?:el |un )?(?:trafico|atasco|embotellamiento)|fuera|en (?:mi|este|un|una) "
    r"(?:matrimonio|trabajo|relacion)|en casa (?:estudiando|trabajando|por|con|todo|toda|desde)))",
    r"\bsecuestr\w*\b(?!(?: \w+)?(?: \w+)? (?:cuenta|cuentas|perfil|whatsapp|instagram|facebook|"
    r"datos|ordenador|pc|movil|web)\b)",
    r"\b(?:rehen|rehenes|contra mi voluntad|contra su voluntad)\b",
    r"\bno (?:me|nos|la|le|lo) (?:deja|dejan|quiere dejar|quieren dejar)\s+(?:salir|irme|irnos|"
    r"marcharme|irse|marcharse|escapar|huir|pasar)\b(?!\s+(?:con|sola?s?|solos|sin|de fiesta|"
    r"de noche|por la noche|los|a (?:ver|trabajar|la calle|tomar)|al|nunca))",
    # someone collapsed, unconscious, fitting or bleeding
    r"(?<!un )(?<!una )(?<!el )(?<!lo )(?<!unos )(?<!unas )(?<!muy )(?<!los )(?<!las )(?<!um )"
    r"(?<!uma )(?<!o )\binconscientes?\b",
    r"\b(?:se (?:ha |le )?desmay\w*|desmayad[oa]s?|se (?:ha )?desplom\w*|desplomad[oa]s?|"
    r"(?:ha )?perdido el conocimiento|perdio el conocimiento|sin conocimiento|se cayo redond[oa]|"
    r"convulsion\w*|ataque epileptico|crisis epileptica|sobredosis|y no se mueve)\b",
    _unless(_NOT_FICTION, r"\b(?:sangrando|sangra mucho|mucha sangre|sangre por todas partes)\b"),
    r"\b" + _CANT_STAND.replace("|levantar(?:se|me)?", "")
    + r"\b(?!\s+(?:mucho|bien|rapido|lejos|sin|por mi|por su|desde|con (?:muletas|baston)))",
    r"\bno (?:siento|siente|sentia) (?:las piernas|los brazos|el cuerpo)\b",
    # a cry for help, as the whole message or opening one about fear or someone coming
    r"^[\W_]*(?:(?:" + _PLEASE + r"|sos)[\W_]*)*" + _CRY + r"(?:[\W_]+(?:" + _CRY + "|" + _PLEASE
    + r"|sos|ya|rapido|urgente|ahora|alguien|que alguien me ayude))*[\W_]*$",
    r"^[\W_]*(?:que )?alguien (?:que )?me ayude[\W_]*(?:" + _PLEASE + r")?[\W_]*$",
    r"^[\W_]*" + _CRY + r"[\W_]+(?:" + _PLEASE + r"[\W_]+)?(?:tengo (?:mucho )?miedo|estoy (?:muy )?"
    r"asustad\w*|me (?:quiere|quieren|va|van)\b|(?:esta|estan) (?:aqui|entrando|dentro|fuera|"
    r"afuera|en la puerta)|(?:ya )?(?:viene|vienen)\b)",
    r"^[\W_]*(?:socorro+|auxilio+)\s*!",
    r"(?<!pronto )(?<!pronto-)(?<!de )(?<!del )(?<!la )(?<!dona )\bsocorro+(?:\s*!|[\W_]*$)|"
    r"\b(?:pid\w*|pedir|grit\w*)\s+(?:\w+\s+)?socorro\b",
    r"\b(?:llamen|llamad|llamenme|avisen|avisad|que alguien llame|alguien llame)\s+(?:a\s+)?"
    r"(?:la\s+)?(?:policia|poli|guardia civil|ambulancia|una ambulancia|los bomberos|bomberos|"
    r"emergencias|al (?:112|911|999|091|092|061))\b",
    r"^[\W_]*llama(?:me)? (?:a )?(?:la )?(?:policia|ambulancia|una ambulancia|los bomberos|"
    r"al (?:112|911|999))\b",
    r"\b(?:manden|mandad|envien|enviad|mandenme|envienme|que venga|que vengan|necesito|"
    r"necesitamos|hace falta)\s+(?:a\s+)?(?:la policia|una ambulancia|una patrulla|ayuda ya|"
    r"ayuda urgente|ayuda ahora)\b",
    r"^[\W_]*(?:necesito|necesitamos) ayuda (?:ya|urgente|ahora(?: mismo)?|rapido|inmediata)\b"
    r"[\W_]*(?:" + _PLEASE + r")?[\W_]*$",
    r"(?<!no )(?<!ya no )\b(?:estoy|estamos|esta|estan|corre|corro|corremos|corren)\s+"
    r"(?:\w+\s+)?(?:en )?peli?gro\b(?! de (?:extincion|perder|desahucio|que))",
    r"(?<!no )\b(?:es|esto es|tengo|tenemos|hay) una emergencia\b|^[\W_]*emergencia[\W_]*$",
    # suicide and self-harm, said of oneself or of someone else
    r"\bsuicid\w*",
    r"\b(?:quitarme|quitarse|quitarte) la vida\b|\bacabar con (?:mi|su) (?:propia )?vida\b|"
    r"\b(?:acabar|acabo|acabare|voy a acabar|terminar|termino|voy a terminar) con todo\b"
    r"(?! (?:el|la|los|las|lo) \w+)",
    _unless(_HYPERBOLE, r"\b(?:me|se|te) (?:voy|va|vas|quiero|quiere) (?:a )?(?:matar|suicidar|"
    r"quitar la vida)\b"),
    r"\b(?:tirar(?:me|se)|(?:me|se) (?:voy a|va a|quiero|quiere|iba a|queria) tirar|saltar)\s+"
    r"(?:por|desde|de|del)\s+(?:el |la |"
    r"un |una |mi )?(?:puente|ventana|balcon|edificio|azotea|terraza|tejado|acantilado|"
    r"barandilla|precipicio|piso|bloque)\b",
    r"\b(?:tirar(?:me|se)|(?:me|se) (?:voy a|va a|quiero|quiere|iba a|queria) tirar)\s+"
    r"(?:a las vias|a la via|a la carretera|"
    r"al tren|al metro|al rio|al vacio|al mar|delante de un (?:tren|coche|autobus)|bajo un tren)\b",
    r"\ba punto de (?:saltar|tirarse|tirarme)\b|\bamenaza con (?:tirarse|saltar)\b",
    r"\b(?:no quiero|ya no quiero|no quiere|ya no quiere)\s+(?:vivir(?! (?:aqui|alli|en|con|cerca|"
    r"asi|al lado|junto|encima|debajo|solo|sola))|seguir viviendo|seguir con vida|estar viv[oa]|"
    r"despertar(?:me)? (?:manana|mas|nunca)|seguir aqui|estar aqui (?:nunca )?mas|"
    r"estar en este mundo)\b",
    r"\b(?:he tomado|ha tomado|me tome|se tomo|se ha tomado|me he tomado|me trague|se trago|"
    r"he tragado|ha tragado|se ha tragado|me he tragado)\s+(?:todas (?:las|mis|sus)|un monton de|"
    r"muchas|un bote (?:entero )?de|una caja (?:entera )?de|un punado de|todo el bote de|"
    r"toda la caja de|un blister de|todos (?:los|mis|sus))\s+(?:\w+\s+)?(?:pastillas|pildoras|"
    r"comprimidos|paracetamol|ibuprofeno|antidepresivos|medicamentos|medicinas|pastis|"
    r"somniferos|tranquilizantes|calmantes|capsulas)\b",
    r"\b(?:pastillas|pildoras)\b[^.!?]{0,25}\b(?:preparadas|delante de mi|en la mano)\b",
    r"(?<!no quiero )(?<!miedo a )(?<!sin )\b(?:hacerme dano|me voy a hacer dano|autolesion\w*|"
    r"cortarme (?:las venas|los brazos|las munecas)|me estoy cortando|me corto las venas|"
    r"cortarse las venas|me quiero cortar)\b",
    r"\b(?:mensaje|carta|nota) de despedida\b",
    r"\bme estoy muriendo\b" + _JEST,
    # someone missing, told in the preterite (Latin American "just now", or a story)
    _unless(_NOT_LONG_AGO, r"\b(?:mi|mis|nuestr[oa]s?)\s+" + _REL + r"\b[^.!?]{0,40}?\b(?:desaparecio|"
    r"se perdio|se escapo de casa|no volvio a casa|no llego a casa|no regreso a casa)\b"),
    r"\b(?:me|nos) (?:ha|han) seguido (?:hasta|desde|por)\b|\b(?:sabe|ha descubierto|descubrio|"
    r"ha averiguado) donde (?:estoy|vivo|estamos)\b|\bsiendo (?:seguid|perseguid)[oa]s?\b(?! en )",
)

PRESENT = (
    # found by the person they fled
    r"\b(?:me|nos) (?:ha|han) (?:encontrado|localizado)(?=\s*(?:[.,!?;]|$|y\b|ya\b|aqui|otra vez|"
    r"de nuevo|esta|estan))",
    # a body in trouble now
    r"\bno (?:esta |estan |puede |pueden |puedo |consigue |consigo )?respir(?:a|an|ando|ar)\b"
    r"(?! (?:bien|por la nariz|con normalidad))",
    r"\b(?:dejo|ha dejado|han dejado) de respirar\b|\bapenas (?:respira|puede respirar|consciente)\b",
    r"\bno (?:se )?(?:despierta|despiertan|reacciona|reaccionan)\b(?! (?:temprano|pronto|hasta|"
    r"antes|nunca|a (?:las|tiempo)|por las mananas|con el despertador|a (?:mis|los) mensajes))",
    r"\bno (?:puedo|consigo|podemos|conseguimos|logro) despertar(?:le|la|lo|les|los|las)?\b|"
    r"\bno hay manera de despertar\w*",
    r"\b(?:se (?:esta|le esta|le estan) poniendo|poniendose|tiene los labios|labios|se le ponen "
    r"los labios) (?:azul|azules|morad[oa]s?)\b",
    r"\bse le (?:van|ponen|estan poniendo|quedan) los ojos en blanco\b|\b(?:tiene|con) los ojos "
    r"en blanco\b",
    r"\b" + _SPIKED + r"\b.{0,40}?\b" + _CANT_STAND + r"\b",
    r"\b" + _CANT_STAND + r"\b.{0,40}?\b" + _SPIKED + r"\b",
    # someone missing now
    _unless(_NOT_LONG_AGO, r"\b(?:mi|mis|nuestr[oa]s?|el|la)\s+" + _REL + r"\b[^.!?]{0,60}?\b"
    r"(?:(?:ha|han) desaparecido|se (?:ha|han) (?:perdido|escapado|fugado|ido de casa)|"
    r"(?:esta|estan|sigue|siguen) desaparecid[oa]s?|no (?:ha|han) (?:vuelto|llegado|regresado|"
    r"venido|aparecido) (?:todavia |aun )?(?:a casa|del colegio|de la escuela|del instituto|"
    r"de clase)|no (?:ha|han) vuelto(?=\s*[.,!?]|\s*$| y )|"
    r"lleva\w* (?:\w+ ){0,3}sin (?:aparecer|volver|llegar|dar senales)|"
    r"no (?:la|lo|los|las) (?:encuentro|encontramos|encuentra|encuentran)|"
    r"no (?:aparece|aparecen)|sigue sin (?:aparecer|volver|llegar))\b"),
    r"\bno (?:encuentro|encontramos|encuentra|encuentran|consigo encontrar|conseguimos encontrar|"
    r"podemos encontrar|puedo encontrar)\s+(?:a\s+)?(?:mi|mis|nuestr[oa]s?|el|la|los|las|al)\s+"
    + _CHILD + r"\b",
    # not safe, or wanting to die, said now
    r"\bno (?:estoy|estamos|esta|estan) a salvo\b",
    r"\bno (?:estoy|estamos|me siento|nos sentimos) segur[oa]s? (?:aqui|en (?:mi |esta |la )?casa|"
    r"con (?:el|ella))\b(?! (?:de|si|que))",
    r"\b(?:quiero|quiere|queremos|quisiera) morir(?:me|se)?\b" + _JEST,
    r"\bme quiero morir\b" + _JEST + r"|\btengo ganas de morir(?:me)?\b" + _JEST,
    r"\bal otro lado de la (?:barandilla|valla|baranda|reja)\b",
)
