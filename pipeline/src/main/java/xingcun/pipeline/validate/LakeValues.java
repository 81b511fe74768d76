package xingcun.pipeline.validate;

import org.apache.spark.sql.types.StructField;
import xingcun.pipeline.contract.Family;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row's lake values, by column name as the validator sets them and by position in the family's lake schema as
 * the ingest reads them. A value array a row, not a hash map: a map allocated its entries for every value and the
 * ingest then looked every column up by name again (together about a tenth of validating a row). A column without a
 * value is absent, as in a map. A value the lake does not keep (a project's money unit, read while validating) is
 * held aside, so the row still reads as every value the validator set. What a validator needs of a map and no more:
 * values are set, never removed and never null (null is how a row says a column has no value).
 */
public final class LakeValues
        extends AbstractMap<String, Object>
{
    private final Positions positions;
    private final Object[] values;
    private Map<String, Object> notKept; // made when first needed: most families set none

    private LakeValues(Positions positions)
    {
        this.positions = positions;
        this.values = new Object[positions.names().length];
    }

    /** Where each of a family's lake columns is: made once for a validator, shared by its rows. */
    record Positions(String[] names, Map<String, Integer> byName)
            implements java.io.Serializable
    {
        static Positions of(Family family)
        {
            StructField[] fields = family.lakeSchema().fields();
            String[] names = new String[fields.length];
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < fields.length; i++) {
                names[i] = fields[i].name();
                byName.put(names[i], i);
            }
            return new Positions(names, Map.copyOf(byName));
        }

        LakeValues newRow()
        {
            return new LakeValues(this);
        }
    }

    /** The value of the lake schema's column at {@code position}, or null. */
    public Object at(int position)
    {
        return values[position];
    }

    @Override
    public Object get(Object column)
    {
        Integer position = positions.byName().get(column);
        if (position == null) {
            return notKept == null ? null : notKept.get(column);
        }
        return values[position];
    }

    @Override
    public boolean containsKey(Object column)
    {
        return get(column) != null;
    }

    @Override
    public Object put(String column, Object value)
    {
        if (value == null) {
            throw new IllegalArgumentException("Cannot set " + column + " to null: a column without a value is left unset");
        }
        Integer position = positions.byName().get(column);
        if (position == null) {
            if (notKept == null) {
                notKept = new HashMap<>();
            }
            return notKept.put(column, value);
        }
        Object previous = values[position];
        values[position] = value;
        return previous;
    }

    @Override
    public Set<Entry<String, Object>> entrySet()
    {
        return new AbstractSet<>()
        {
            @Override
            public Iterator<Entry<String, Object>> iterator()
            {
                Iterator<Entry<String, Object>> kept = keptEntries();
                Iterator<Entry<String, Object>> others = notKept == null ? java.util.Collections.emptyIterator() : notKept.entrySet().iterator();
                return new Iterator<>()
                {
                    @Override
                    public boolean hasNext()
                    {
                        return kept.hasNext() || others.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next()
                    {
                        if (!hasNext()) {
                            throw new NoSuchElementException("Cannot read another lake value: the row has no more");
                        }
                        return kept.hasNext() ? kept.next() : others.next();
                    }
                };
            }

            private Iterator<Entry<String, Object>> keptEntries()
            {
                return new Iterator<>()
                {
                    private int next = advance(0);

                    private int advance(int from)
                    {
                        int position = from;
                        while (position < values.length && values[position] == null) {
                            position++;
                        }
                        return position;
                    }

                    @Override
                    public boolean hasNext()
                    {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next()
                    {
                        if (!hasNext()) {
                            throw new NoSuchElementException("Cannot read another lake value: the row has no more");
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>(positions.names()[next], values[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size()
            {
                int size = notKept == null ? 0 : notKept.size();
                for (Object value : values) {
                    size += value == null ? 0 : 1;
                }
                return size;
            }
        };
    }
}
