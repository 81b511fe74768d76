package xingcun.pipeline.validate;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/** Why one row (or a whole file) was not accepted: the rule and its message in Chinese and English. */
public record Rejection(Rule rule, String messageChinese, String messageEnglish)
        implements Serializable
{
    public Rejection
    {
        requireNonNull(rule, "rule is null");
        requireNonNull(messageChinese, "messageChinese is null");
        requireNonNull(messageEnglish, "messageEnglish is null");
    }
}
