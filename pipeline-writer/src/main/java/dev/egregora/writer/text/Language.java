package dev.egregora.writer.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The languages the offline writer speaks: stopwords for detection and keyword extraction, and the words of a post
 * (headings, summary phrases). Detection counts stopword hits; ties and texts without any go to English.
 */
public enum Language {
    EN("en", Locale.ENGLISH, """
            a about above after again against all also am an and any are aren't as at be because been before being
            below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
            during each few for from further get got had hadn't has hasn't have haven't having he he'd he'll he's her
            here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its
            itself just know let's like lol me more most mustn't my myself no nor not now of off ok okay on once only
            or other ought our ours ourselves out over own really same shan't she she'd she'll she's should shouldn't
            so some still such than that that's the their theirs them themselves then there there's these they
            they'd they'll they're they've think this those through to too under until up us very was wasn't we we'd
            we'll we're we've well were weren't what what's when when's where where's which while who who's whom why
            why's will with won't would wouldn't yeah yes you you'd you'll you're you've your yours yourself
            yourselves going one just also gonna want
            """, Map.ofEntries(
            Map.entry("and", "and"), Map.entry("highlights", "Highlights"), Map.entry("people", "Who took part"),
            Map.entry("links", "Links shared"), Map.entry("media", "Media"), Map.entry("messages", "messages"),
            Map.entry("message", "message"), Map.entry("participants", "participants"),
            Map.entry("participant", "participant"),
            Map.entry("summary", "%d %s from %d %s, %s."), Map.entry("about", "Talk turned to %s."),
            Map.entry("quiet", "A quiet stretch of the chat."), Map.entry("untitled", "Notes from the chat"),
            Map.entry("attachment", "attachment not in the export"),
            Map.entry("profile", "%s wrote %d %s between %s and %s."),
            Map.entry("profileDay", "%s wrote %d %s on %s."),
            Map.entry("busiest", "Most active around %s (UTC)."), Map.entry("words", "Favourite words: %s."),
            Map.entry("emoji", "Favourite emoji: %s."), Map.entry("posts", "Appears in"),
            Map.entry("none", "No messages yet."))),
    PT("pt", Locale.forLanguageTag("pt"), """
            a à ao aos as às até com como da das de dela delas dele deles depois do dos e é ela elas ele eles em entre
            era eram essa essas esse esses esta está estão estas este estes eu foi foram há isso isto já lhe lhes
            mais mas me mesmo meu meus minha minhas muito na nas não nem no nos nós nossa nossas nosso nossos num numa
            o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu seus só sua suas também te tem
            têm tinha tu tua tuas um uma umas uns você vocês vos pra pro tá né aí então sim tudo bem aqui lá vai vou
            ter fazer acho tipo gente kkk kkkk haha
            """, Map.ofEntries(
            Map.entry("and", "e"), Map.entry("highlights", "Destaques"), Map.entry("people", "Quem participou"),
            Map.entry("links", "Links compartilhados"), Map.entry("media", "Mídia"),
            Map.entry("messages", "mensagens"), Map.entry("message", "mensagem"),
            Map.entry("participants", "participantes"), Map.entry("participant", "participante"),
            Map.entry("summary", "%d %s de %d %s, %s."), Map.entry("about", "A conversa girou em torno de %s."),
            Map.entry("quiet", "Um trecho tranquilo da conversa."), Map.entry("untitled", "Notas da conversa"),
            Map.entry("attachment", "anexo ausente da exportação"),
            Map.entry("profile", "%s escreveu %d %s entre %s e %s."),
            Map.entry("profileDay", "%s escreveu %d %s em %s."),
            Map.entry("busiest", "Mais ativo por volta das %s (UTC)."),
            Map.entry("words", "Palavras favoritas: %s."), Map.entry("emoji", "Emoji favoritos: %s."),
            Map.entry("posts", "Aparece em"), Map.entry("none", "Ainda sem mensagens."))),
    ES("es", Locale.forLanguageTag("es"), """
            a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el él ella ellas
            ellos en entre era es esa esas ese eso esos esta está están estas este esto estos fue fueron ha hay la las
            le les lo los más me mi mis mucho muy nada ni no nos nosotros o os otra otro para pero poco por porque que
            qué quien se sea ser si sí sin sobre son su sus también tanto te tengo ti tiene todo todos tu tú tus un una
            uno unos vosotros y ya yo pues bueno vale jaja jajaja hola gracias aquí allí eso está estoy voy creo
            hacer
            """, Map.ofEntries(
            Map.entry("and", "y"), Map.entry("highlights", "Destacados"), Map.entry("people", "Quién participó"),
            Map.entry("links", "Enlaces compartidos"), Map.entry("media", "Multimedia"),
            Map.entry("messages", "mensajes"), Map.entry("message", "mensaje"),
            Map.entry("participants", "participantes"), Map.entry("participant", "participante"),
            Map.entry("summary", "%d %s de %d %s, %s."), Map.entry("about", "La charla giró en torno a %s."),
            Map.entry("quiet", "Un tramo tranquilo de la conversación."),
            Map.entry("untitled", "Notas de la conversación"),
            Map.entry("attachment", "adjunto ausente de la exportación"),
            Map.entry("profile", "%s escribió %d %s entre %s y %s."),
            Map.entry("profileDay", "%s escribió %d %s el %s."),
            Map.entry("busiest", "Más activo hacia las %s (UTC)."),
            Map.entry("words", "Palabras favoritas: %s."), Map.entry("emoji", "Emoji favoritos: %s."),
            Map.entry("posts", "Aparece en"), Map.entry("none", "Aún no hay mensajes."))),
    DE("de", Locale.GERMAN, """
            aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis bist da
            damit dann das dass daß dein deine dem den denn der des dich die dies diese diesem diesen dieser dieses dir
            doch dort du durch ein eine einem einen einer eines er es etwas euch euer für gegen gewesen hab habe haben
            hat hatte hätte hier hin hinter ich ihm ihn ihnen ihr ihre im in indem ins ist ja jede jedem jeden jeder
            jetzt kann kein keine können könnte mal man manche mein meine mich mir mit muss musste nach nicht nichts
            noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll sollte sondern sonst über um und
            uns unser unter viel vom von vor war waren warum was weil welche wenn wer werde werden wie wieder will wir
            wird wo zu zum zur zwar zwischen genau schon gut okay haha
            """, Map.ofEntries(
            Map.entry("and", "und"), Map.entry("highlights", "Höhepunkte"), Map.entry("people", "Wer dabei war"),
            Map.entry("links", "Geteilte Links"), Map.entry("media", "Medien"),
            Map.entry("messages", "Nachrichten"), Map.entry("message", "Nachricht"),
            Map.entry("participants", "Beteiligten"), Map.entry("participant", "Beteiligten"),
            Map.entry("summary", "%d %s von %d %s, %s."), Map.entry("about", "Es ging um %s."),
            Map.entry("quiet", "Ein ruhiger Abschnitt des Chats."), Map.entry("untitled", "Notizen aus dem Chat"),
            Map.entry("attachment", "Anhang fehlt im Export"),
            Map.entry("profile", "%s schrieb %d %s zwischen %s und %s."),
            Map.entry("profileDay", "%s schrieb %d %s am %s."),
            Map.entry("busiest", "Am aktivsten gegen %s (UTC)."),
            Map.entry("words", "Lieblingswörter: %s."), Map.entry("emoji", "Lieblings-Emoji: %s."),
            Map.entry("posts", "Kommt vor in"), Map.entry("none", "Noch keine Nachrichten."))),
    FR("fr", Locale.FRENCH, """
            à ai au aux avec avez avoir ça ce ceci cela ces cet cette ci comme dans de des du elle elles en est et été
            être eu fait faut il ils je la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ont
            ou où par pas peu plus pour qu que quel quelle qui sa sans se ses si son sont sur ta te tes toi ton tous
            tout très tu un une vos votre vous y c'est j'ai oui non bon bah ben merci voilà alors aussi bien donc
            encore ici juste peut quand rien mdr
            """, Map.ofEntries(
            Map.entry("and", "et"), Map.entry("highlights", "Moments forts"), Map.entry("people", "Participants"),
            Map.entry("links", "Liens partagés"), Map.entry("media", "Médias"),
            Map.entry("messages", "messages"), Map.entry("message", "message"),
            Map.entry("participants", "participants"), Map.entry("participant", "participant"),
            Map.entry("summary", "%d %s de %d %s, %s."), Map.entry("about", "On a parlé de %s."),
            Map.entry("quiet", "Un moment calme de la conversation."),
            Map.entry("untitled", "Notes de la conversation"),
            Map.entry("attachment", "pièce jointe absente de l'export"),
            Map.entry("profile", "%s a écrit %d %s entre le %s et le %s."),
            Map.entry("profileDay", "%s a écrit %d %s le %s."),
            Map.entry("busiest", "Surtout actif vers %s (UTC)."),
            Map.entry("words", "Mots favoris : %s."), Map.entry("emoji", "Emoji favoris : %s."),
            Map.entry("posts", "Apparaît dans"), Map.entry("none", "Pas encore de messages.")));

    private final String code;
    private final Locale locale;
    private final Set<String> stopwords;
    private final Map<String, String> words;

    Language(String code, Locale locale, String stopwords, Map<String, String> words) {
        this.code = code;
        this.locale = locale;
        this.stopwords = Arrays.stream(stopwords.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
        this.words = words;
    }

    /** ISO 639-1 code, as stored in {@code posts.language}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The long local date format of this language ("March 14, 2025", "14 de março de 2025"), in UTC. */
    public java.time.format.DateTimeFormatter dateFormat() {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(locale).withZone(java.time.ZoneOffset.UTC);
    }

    public boolean isStopword(String lowerCaseWord) {
        return stopwords.contains(lowerCaseWord);
    }

    /** A localized word or phrase of a post; see the keys in this enum's declaration. */
    public String word(String key) {
        String w = words.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no phrase '" + key + "' in " + code);
        }
        return w;
    }

    /** A stopword of any supported language (for keywords of mixed-language chats). */
    public static boolean isAnyStopword(String lowerCaseWord) {
        return AnyLanguage.STOPWORDS.contains(lowerCaseWord);
    }

    /** The union of all stopword lists, built once. */
    private static final class AnyLanguage {
        static final Set<String> STOPWORDS = java.util.Arrays.stream(values()).flatMap(l -> l.stopwords.stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Detects the language of {@code words} (lower-cased tokens) by stopword hits; English when undecided. */
    public static Language detect(Iterable<String> lowerCaseWords) {
        int[] hits = new int[values().length];
        for (String w : lowerCaseWords) {
            for (Language l : values()) {
                if (l.isStopword(w)) {
                    hits[l.ordinal()]++;
                }
            }
        }
        Language best = EN;
        for (Language l : values()) {
            if (hits[l.ordinal()] > hits[best.ordinal()]) {
                best = l;
            }
        }
        return best;
    }
}
