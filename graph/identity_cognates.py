"""Given names that are one name in Ukrainian, Russian and English form.

Reports on Crimea name one man in the language of whoever writes: Ukrainian sources say
Mykola Polozov and Oleksandr Kolchenko, Russian-language and older Western ones Nikolai
Polozov and Aleksandr Kolchenko. Transliteration folds (:func:`graph.identity_names.fold`)
join spellings of one form (Serhiy, Serhii; Nikolai, Nikolay) but not the two forms, which
differ in more than spelling (Mykola and Nikolai, Oleksandr and Aleksandr, Hennadiy and
Gennady). The maintained name data we ship (rigour's Wikidata name symbols) files most of
these forms under separate items, so the pairs are listed here: one row per name, its
Ukrainian, Russian and English forms in their common romanisations. Only given names that
are the same name are listed; diminutives (Sasha) and merely similar names are not.

:func:`graph.identity_names.givens_relate` reads two forms of one row as a variant of one
given name (with the same surname, one person; never "same").
"""

from __future__ import annotations

__all__ = ["COGNATE_ROWS"]

# One row per name: Ukrainian forms, then Russian, then English (romanisations as they occur in
# English-language reporting; English forms only where reporting uses them for these men and
# women, as Alexander). Sources: the Ukrainian and Russian national romanisation tables
# (the Ukrainian one of KMU resolution No. 55 of 2010; BGN/PCGN and the common variants for Russian)
# applied to each Cyrillic form.
COGNATE_ROWS: tuple[tuple[str, ...], ...] = (
    ("Mykola", "Mikola", "Nikolai", "Nikolay"),
    ("Oleksandr", "Olexandr", "Oleksander", "Aleksandr", "Alexandr", "Alexander", "Aleksander"),
    ("Oleksandra", "Aleksandra", "Alexandra"),
    ("Oleksiy", "Oleksii", "Olexiy", "Aleksei", "Aleksey", "Alexei", "Alexey"),
    ("Hennadiy", "Hennadii", "Gennady", "Gennadiy", "Gennadi", "Gennadii"),
    ("Volodymyr", "Vladimir"),
    ("Dmytro", "Dmitry", "Dmitriy", "Dmitri", "Dmitrii"),
    ("Petro", "Pyotr", "Petr"),
    ("Pavlo", "Pavel"),
    ("Kostiantyn", "Kostyantyn", "Konstantin"),
    ("Olena", "Elena", "Yelena"),
    ("Kateryna", "Ekaterina", "Yekaterina", "Katerina"),
    ("Mykyta", "Nikita"),
    ("Heorhiy", "Heorhii", "Georgy", "Georgiy", "Georgii"),
    ("Fedir", "Fyodor", "Fedor"),
    ("Yakiv", "Yakov", "Iakov"),
    ("Artem", "Artyom", "Artiom"),
    ("Halyna", "Galina"),
    ("Mykhailo", "Mikhail"),
    ("Andriy", "Andrii", "Andrei", "Andrey"),
    ("Serhiy", "Serhii", "Sergei", "Sergey", "Sergii"),
    ("Hryhoriy", "Hryhorii", "Grigory", "Grigoriy", "Grigori"),
    ("Yevhen", "Yevgeny", "Evgeny", "Evgeniy"),
    ("Vasyl", "Vasily", "Vasiliy", "Vasili"),
    ("Yuriy", "Yurii", "Yuri", "Yury"),
    ("Oleh", "Oleg"),
    ("Ihor", "Igor"),
    ("Illia", "Illya", "Ilya", "Ilia"),
    ("Tetiana", "Tetyana", "Tatiana", "Tatyana"),
    ("Nataliya", "Natalia", "Natalya"),
    ("Iryna", "Irina"),
    ("Liudmyla", "Lyudmyla", "Lyudmila", "Ludmila"),
    ("Mariia", "Mariya", "Maria"),
    ("Anastasiia", "Anastasiya", "Anastasia"),
    ("Valentyn", "Valentin"),
    ("Vitaliy", "Vitalii", "Vitaly", "Vitali"),
    ("Anatoliy", "Anatolii", "Anatoly", "Anatoli"),
    ("Borys", "Boris"),
    ("Maksym", "Maxim", "Maksim"),
    ("Denys", "Denis"),
    ("Yaroslav", "Iaroslav"),
    ("Viacheslav", "Vyacheslav"),
    ("Oksana", "Oxana"),
    ("Yuliia", "Yuliya", "Yulia"),
    ("Liliia", "Liliya", "Lilia"),
    ("Emiliia", "Emilia"),
)

