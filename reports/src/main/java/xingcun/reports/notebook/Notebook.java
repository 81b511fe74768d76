package xingcun.reports.notebook;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A Markdown SQL notebook as read from notebooks/NAME.md: its front matter and its cells in order. */
public record Notebook(String name, String title, String description, List<NotebookParameter> parameters, List<Cell> cells, List<Heading> contents)
{
    public Notebook
    {
        requireNonNull(name, "name is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        cells = List.copyOf(requireNonNull(cells, "cells is null"));
        contents = List.copyOf(requireNonNull(contents, "contents is null"));
    }

    public Optional<NotebookParameter> parameter(String name)
    {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }

    /** A second-level heading of the prose and the id it has on the page, for the page's contents. */
    public record Heading(String id, String text)
    {
        public Heading
        {
            requireNonNull(id, "id is null");
            requireNonNull(text, "text is null");
        }
    }
}
