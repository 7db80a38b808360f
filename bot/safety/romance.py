"""Words shared by the Spanish, Italian, Portuguese and French safety nets.

These four languages share their words for weapons, and every language's words see every
message, so the words that say no one holds a weapon are one list for all four; and the
four nets write "this, unless that" the same way.
"""

# A message about a film, a game, toys, crime figures or the law, or about shopping,
# cooking, shaving or camping: weapons named, nobody holding one.
FICTION = (r"juegos?|videojuegos?|pelis?|peliculas?|series?|novelas?|libros?|juguetes?|"
           r"delitos?|crimen(?:es)?|criminalidad|delincuencia|estadisticas?|ilegal|ley|"
           r"gioc\w*|videogioc\w*|films?|filmes?|romanz\w*|romans?|libri|livres?|livros?|"
           r"giocattol\w*|reati|reato|criminalita|statistic\w*|illegale|legge|porto d'armi|"
           r"jogos?|videojogos?|videogames?|games?|brinquedos?|crimes?|criminalidade|queijo|"
           r"caveira|jeux?|jouets?|delits?|criminalite|delinquance|statistiques?|illegal|loi|"
           r"(?:es|e|est|c'est) legal\w*|legalmente|legalement")
SHOP = (r"ventas?|vend(?:o|e|a|i|er|ere|emos|iamo|ido|ida|uto|uta|eu|ita|ite|iendo|endo|ons|ez|"
        r"ent|u|ue|re|eur|euse|edor|edora)|compr(?:a|as|o|e|ei|ou|ar|ado|ada|ato|ata|are|ando|"
        r"amos|aste|ra|ras)|cocina\w*|chef|recetas?|afila\w*|tienda|ofertas?|regal\w*|museo|"
        r"colecci\w*|jamon\w*|mantequilla|pan|cubiertos|cuberteria|agua|silicona|amazon|wallapop|"
        r"precios?|doble filo|afeitar|almejas?|plancha|camping|pesca|cucina|ricett\w*|affila\w*|"
        r"negozio|offert\w*|collezion\w*|burro|pane|posate|acqua|silicone|prezz\w*|rasoio|"
        r"campeggio|carabinieri|cozinh\w*|receitas?|afia\w*|loja|promoc\w*|museu|colec\w*|"
        r"manteiga|pao|talheres|olx|precos?|barbear|churrasco|campismo|acampamento|achet\w*|"
        r"cuisine|recettes?|aiguis\w*|magasin|boutique|promo|soldes|cadeaux?|musee|"
        r"collection\w*|beurre|couverts|eau|leboncoin|prix|rasoir|peche|suisse|suico|suica|"
        r"svizzero|suizo|suiza|multiusos?|opinel|laguiole")
NOT_A_THREAT = r"(?!.*\b(?:" + FICTION + "|" + SHOP + r")\b)"
NOT_FICTION = r"(?!.*\b(?:" + FICTION + r")\b)"


def unless(guard: str, pattern: str) -> str:
    """`pattern` anywhere in the message, unless `guard` (a lookahead over the whole message)
    says otherwise; the pattern is looked for first, so most messages are passed over fast."""
    return r"^(?=.*?(?:" + pattern + r"))" + guard
