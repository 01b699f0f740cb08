package io.brainstem.adapters.persistence.relational;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** MyBatis mapper for {@code intake_cursors}; two one-line statements, so annotations suffice. */
public interface IntakeCursorMapper {

    @Select("SELECT position FROM intake_cursors WHERE cursor_key = #{key}")
    Long position(@Param("key") String key);

    @Insert("INSERT INTO intake_cursors (cursor_key, position) VALUES (#{key}, #{position})"
            + " ON CONFLICT (cursor_key) DO UPDATE SET position = excluded.position")
    void save(@Param("key") String key, @Param("position") long position);
}
