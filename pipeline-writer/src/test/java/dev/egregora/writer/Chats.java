package dev.egregora.writer;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.model.Window;
import dev.egregora.core.model.WindowContent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic little chats for writer tests: lines "Author|minutes after start|text". */
public final class Chats {
    public static final Instant T0 = Instant.parse("2025-03-14T09:00:00Z");

    public static final Author AMBER = new Author("a1b2c3d4-0000-5000-8000-000000000001", "Amber Fox", null, false);
    public static final Author OWL = new Author("a1b2c3d4-0000-5000-8000-000000000002", "Blue Owl", "Captain", false);
    public static final Author MOTH = new Author("a1b2c3d4-0000-5000-8000-000000000003", "Cold Moth", null, false);
    public static final Map<String, Author> AUTHORS = Map.of(AMBER.id(), AMBER, OWL.id(), OWL, MOTH.id(), MOTH);

    public static final String ENGLISH = """
            A|0|Morning all! Are we still doing the Lisbon trip in May?
            B|2|Yes!! I already looked at flights to Lisbon, around 120 euros return
            C|3|Count me in. Who is booking the apartment?
            B|5|I can book the apartment in Alfama, it has a terrace with a view of the river
            A|6|Perfect. Can we do the tram 28 on the first day? I heard the tram gets packed after ten
            C|9|The tram is a must. Also pastel de nata at Manteigaria, it's near Chiado
            B|10|Here is the apartment: https://example.com/rooms/alfama-terrace?ref=chat.
            A|12|Love the terrace. Pastel de nata every morning then 😂
            C|15|Let's split the apartment three ways, I'll send the numbers later
            B|16|Deal. I'll book the apartment tonight and share the flights link
            A|40|Flights booked ✈️ see you in Lisbon!
            """;

    public static final String PORTUGUESE = """
            A|0|Bom dia, gente! Alguém vai na feira de domingo?
            B|1|Eu vou, preciso comprar tomate e manjericão pra fazer o molho
            C|3|Também vou, a feira do bairro tem o melhor pastel de queijo
            A|4|Verdade, o pastel de queijo de lá é imbatível 😋
            B|6|Depois da feira a gente pode fazer um almoço aqui em casa, o molho de tomate da minha avó
            C|8|Fechado! Eu levo a sobremesa, pudim de leite
            A|9|Não esqueçam as sacolas, a feira não dá mais sacola de plástico
            B|12|Vou mandar a receita do molho: https://receitas.example.com.br/molho-da-vovo
            """;

    public static final String SPANISH = """
            A|0|¿Quién se apunta a la cena del viernes? Estoy pensando en hacer paella
            B|2|¡Yo! Pero la paella de marisco, por favor, no la de pollo
            C|4|Me apunto también. Llevo el vino y el pan
            A|5|Perfecto, la paella de marisco entonces. Necesito gambas y mejillones del mercado
            B|7|Yo paso por el mercado el jueves, compro las gambas
            C|9|¿A qué hora es la cena? Salgo del trabajo a las siete
            A|10|A las nueve, que la paella tarda
            """;

    public static final String GERMAN = """
            A|0|Hat jemand Lust, am Samstag wandern zu gehen? Ich dachte an den Feldberg
            B|3|Ja, unbedingt! Wie lange ist die Wanderung ungefähr?
            A|4|Etwa fünf Stunden, mit einer Pause an der Hütte
            C|6|Ich bin dabei, aber nur wenn das Wetter hält. Der Wetterbericht sagt Regen
            B|8|Dann nehmen wir Regenjacken mit. Die Hütte hat auch Kuchen
            A|10|Treffpunkt um acht am Bahnhof, der Zug zum Feldberg fährt um halb neun
            """;

    public static final String FRENCH = """
            A|0|Salut tout le monde ! On fait quoi pour l'anniversaire de Marie ?
            B|2|On pourrait organiser un pique-nique au parc, s'il fait beau
            C|3|Bonne idée le pique-nique, je peux faire un gâteau au chocolat
            A|5|Parfait, moi j'apporte les boissons et une nappe pour le pique-nique
            B|7|Il faut aussi un cadeau pour Marie, elle adore les livres
            C|9|On se cotise pour le cadeau ? Un beau livre de cuisine peut-être
            A|11|D'accord pour le livre, je m'occupe de l'acheter samedi
            """;

    private Chats() {
    }

    public static List<Message> parse(String chatId, String script) {
        List<Message> out = new ArrayList<>();
        long seq = 0;
        for (String line : script.strip().split("\n")) {
            String[] p = line.split("\\|", 3);
            Author a = switch (p[0]) {
                case "A" -> AMBER;
                case "B" -> OWL;
                default -> MOTH;
            };
            out.add(new Message(chatId + "-m" + seq, chatId, T0.plusSeconds(60L * Integer.parseInt(p[1])), seq,
                    a.id(), MessageKind.USER, p[2], null, null));
            seq++;
        }
        return out;
    }

    public static WindowContent window(List<Message> messages, Map<String, MediaItem> media) {
        Message first = messages.get(0);
        Message last = messages.get(messages.size() - 1);
        Window w = new Window(first.chatId() + ":0", first.chatId(), 0, 0, messages.size(), first.ts(), last.ts(),
                messages.size(), messages.stream().mapToLong(m -> m.text().length()).sum(), "sig-" + first.chatId());
        return new WindowContent(w, messages, AUTHORS, media);
    }

    public static WindowContent window(List<Message> messages) {
        return window(messages, new LinkedHashMap<>());
    }
}
