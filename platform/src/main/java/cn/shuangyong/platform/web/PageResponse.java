package cn.shuangyong.platform.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of a list, as every list of the API answers: {@code {items, total, page, size}}. */
@Serdeable
public record PageResponse<T>(List<T> items, long total, int page, int size) {}
