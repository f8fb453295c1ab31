package text

import "strings"

// stopWordList holds German function words that carry no meaning for search:
// articles, pronouns and possessives, prepositions and their contractions,
// conjunctions, frequent particles, and the forms of the auxiliary and modal
// verbs. It is written in ordinary spelling and folded when the package is
// initialised, so für/fuer and daß/dass are covered alike.
//
// "innen" is included because gender-inclusive spellings such as
// Migrant*innen or Schüler:innen split into the stem and a bare "innen"
// ("in" of Schüler/in is a stop word anyway). Nouns, and adjectives such as
// "neu" or "viele", are deliberately absent: they may be what a user seeks.
const stopWordList = `
der die das des dem den
ein eine einer eines einem einen
kein keine keiner keines keinem keinen

ich du er sie es wir ihr man sich
mich mir dich dir ihn ihm uns euch ihnen
mein meine meiner meines meinem meinen
dein deine deiner deines deinem deinen
sein seine seiner seines seinem seinen
ihre ihrer ihres ihrem ihren
unser unsere unserer unseres unserem unseren
euer eure eurer eures eurem euren
dies diese dieser dieses diesem diesen
jene jener jenes jenem jenen
jede jeder jedes jedem jeden
welche welcher welches welchem welchen
alle allen aller alles
was wer wen wem wessen wo wie

an am ans auf aus bei beim bis durch für gegen gegenüber hinter
in im ins innerhalb außerhalb mit nach neben ohne seit über um unter
von vom vor während wegen zu zum zur zwischen trotz per

und oder aber sondern denn doch als wenn weil dass daß ob damit
sowie sowohl falls obwohl bzw usw etc

auch noch nur schon sehr so nicht nun hier dort da dann also etwa
ja nein bereits immer ebenso innen

bin bist ist sind seid war warst waren wart sei seien wäre wären gewesen
habe hast hat haben habt hatte hatten hätte hätten gehabt
werde wirst wird werden werdet wurde wurden würde würden geworden worden
kann kannst können könnt konnte konnten könnte könnten
muss musst müssen müsst musste mussten
soll sollst sollen sollt sollte sollten
will willst wollen wollt wollte wollten
darf darfst dürfen durfte
`

// stopWords is the folded stop word set.
var stopWords = func() map[string]struct{} {
	words := strings.Fields(stopWordList)
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[Fold(w)] = struct{}{}
	}
	return m
}()
