package org.playerdesk.assist.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.playerdesk.assist.Classification;
import org.playerdesk.assist.GameArea;
import org.playerdesk.knowledge.Words;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;
import org.springframework.stereotype.Component;

/**
 * Suggests type, priority, area and hostility for a player's text. Per game, a naive Bayes model
 * trained on its resolved tickets answers once it has seen enough of them; the rule set answers
 * before that, and whenever it is surer than the model.
 */
@Component
public class TicketClassifier {

    /** Fewer labeled tickets than this, or only one type among them: the rules decide. */
    static final int MODEL_MIN_EXAMPLES = 50;

    record Model(NaiveBayes types, NaiveBayes priorities) {
    }

    private final Map<UUID, Model> models = new ConcurrentHashMap<>();

    public Classification classify(UUID gameId, String text) {
        return classify(models.get(gameId), text);
    }

    static Classification classify(Model model, String text) {
        Classification rules = RuleSet.judge(text);
        if (model == null) {
            return rules;
        }
        Set<String> words = Words.of(text);
        NaiveBayes.Prediction type = model.types().predict(words);
        NaiveBayes.Prediction priority = model.priorities().predict(words);
        if (type.label() == null || type.probability() < rules.typeConfidence()) {
            return rules;
        }
        TicketType suggested = Coded.fromCode(TicketType.class, type.label());
        return new Classification(suggested, type.probability(),
                Coded.fromCode(TicketPriority.class, priority.label()), priority.probability(),
                GameArea.of(suggested), rules.hostile(), "model");
    }

    /** Replaces a game's model with one trained on these labeled texts, or drops it when they are too few. */
    void train(UUID gameId, List<LabeledText> examples) {
        Model model = train(examples);
        if (model == null) {
            models.remove(gameId);
        } else {
            models.put(gameId, model);
        }
    }

    static Model train(List<LabeledText> examples) {
        if (examples.size() < MODEL_MIN_EXAMPLES
                || examples.stream().map(LabeledText::type).distinct().count() < 2) {
            return null;
        }
        List<NaiveBayes.Example> types = examples.stream()
                .map(e -> new NaiveBayes.Example(Words.of(e.text()), e.type().code())).toList();
        List<NaiveBayes.Example> priorities = examples.stream()
                .map(e -> new NaiveBayes.Example(Words.of(e.text()), e.priority().code())).toList();
        return new Model(new NaiveBayes(types), new NaiveBayes(priorities));
    }

    /** How many examples the game's model learned from; 0 when the rules decide. */
    public int modelSize(UUID gameId) {
        Model model = models.get(gameId);
        return model == null ? 0 : model.types().size();
    }

    record LabeledText(String text, TicketType type, TicketPriority priority) {
    }
}
