package fr.anct.opencollectivites.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import javax.jcr.RepositoryException;
import javax.jcr.Value;
import javax.jcr.ValueFactory;

/** Conversions between typed Java values and JCR values, per content-type property type. */
public final class JcrValues {
    private JcrValues() {
    }

    public static Value toJcr(ValueFactory factory, PropertyType type, Object value) throws RepositoryException {
        return switch (type.kind()) {
            case BOOLEAN -> factory.createValue((Boolean) value);
            case LONG -> factory.createValue(((Number) value).longValue());
            case DOUBLE -> factory.createValue(((Number) value).doubleValue());
            case DECIMAL -> factory.createValue(value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue()));
            case DATE -> factory.createValue(calendar(value));
            default -> factory.createValue(value.toString());
        };
    }

    /** Dates are stored as calendars at midnight UTC for a plain {@link LocalDate}. */
    public static Calendar calendar(Object value) {
        ZonedDateTime zoned;
        if (value instanceof Calendar calendar) {
            return calendar;
        } else if (value instanceof LocalDate date) {
            zoned = date.atStartOfDay(ZoneOffset.UTC);
        } else if (value instanceof OffsetDateTime dateTime) {
            zoned = dateTime.toZonedDateTime();
        } else {
            zoned = (ZonedDateTime) value;
        }
        GregorianCalendar calendar = GregorianCalendar.from(zoned);
        calendar.setTimeZone(TimeZone.getTimeZone(ZoneId.of("UTC").equals(zoned.getZone()) ? ZoneOffset.UTC : zoned.getZone()));
        return calendar;
    }

    /** Reads a JCR value back as the Java type the content type declares. */
    public static Object fromJcr(PropertyType type, Value value) throws RepositoryException {
        return switch (type.kind()) {
            case BOOLEAN -> value.getBoolean();
            case LONG -> value.getLong();
            case DOUBLE -> value.getDouble();
            case DECIMAL -> value.getDecimal();
            case DATE -> value.getDate().toInstant().atOffset(ZoneOffset.UTC);
            default -> value.getString();
        };
    }
}
