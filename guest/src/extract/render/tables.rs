//! Tables: which are the page's layout and which are data (written as
//! Markdown tables), and which of a layout table's cells are columns.

use crate::extract::dom::{Dom, NONE};

/// Whether a cell walked as a container (a data table's cells are
/// written by `table`) is a column of the page's layout: it has a sibling
/// cell. A one-cell row only frames a box inside a column.
pub(super) fn is_layout_column(dom: &Dom, cell: usize) -> bool {
    let row = dom.nodes[cell].parent;
    matches!(dom.tag(cell), "td" | "th") && row != NONE && row_cells(dom, row).count() >= 2
}

/// The cells (`<td>`, `<th>`) of the row `tr`, in order.
pub(super) fn row_cells<'d>(dom: &'d Dom, tr: usize) -> impl Iterator<Item = usize> + 'd {
    dom.nodes[tr].children.iter().copied().filter(|&c| matches!(dom.tag(c), "td" | "th"))
}

/// A table used for page layout (cells holding blocks or other tables, in
/// a table of moderate size, unless a data grid) or a single-row table is
/// walked as a container; any other is written as a Markdown table.
pub(super) fn table_role(dom: &Dom, table: usize) -> TableRole {
    let rows = dom.find_all_in(table, "tr").count();
    if rows <= 1 {
        return TableRole::Layout;
    }
    if is_data_grid(dom, table) {
        return TableRole::Data { whole_cells: true };
    }
    let other_blocks = holds_blocks_beside_paragraphs(dom, table);
    if (other_blocks || holds(dom, table, &["p"])) && rows < LAYOUT_TABLE_MAX_ROWS {
        TableRole::Layout
    } else {
        TableRole::Data { whole_cells: !other_blocks }
    }
}

/// How a `<table>` is written, decided once per table.
pub(super) enum TableRole {
    /// Walked as a container.
    Layout,
    /// A Markdown table. Cells of a data grid, or of text and paragraphs,
    /// are written whole, a line of their row (`whole_cells`); a long table
    /// of block-holding cells (a page laid out in one) lets its blocks out
    /// as blocks of their own.
    Data { whole_cells: bool },
}

/// A header row naming the columns over short cells makes a data table,
/// though its cells wrap their text in blocks (`<p>` from WordPress or an
/// exported document, `<div>`s from a script, a list of features). A
/// table of posts or page sections has long cells; one holding tables,
/// headings or code is laid out, whatever its header.
fn is_data_grid(dom: &Dom, table: usize) -> bool {
    has_header_row(dom, table)
        && !holds(dom, table, &["table", "h1", "h2", "h3", "pre"])
        && dom.find_all_in(table, "td").all(|cell| dom.collapsed_text(cell).len() <= DATA_CELL_MAX_CHARS)
}

/// A data cell's text is at most this long (bytes); longer ones are prose.
const DATA_CELL_MAX_CHARS: usize = 1000;

/// Whether an element inside `within` (not itself) is one of `tags`.
pub(super) fn holds(dom: &Dom, within: usize, tags: &[&str]) -> bool {
    (within + 1..dom.nodes[within].end).any(|j| tags.contains(&dom.tag(j)))
}

/// Whether cells hold blocks other than paragraphs (lists, sections, nested tables).
fn holds_blocks_beside_paragraphs(dom: &Dom, table: usize) -> bool {
    holds(dom, table, &["table", "div", "ul", "ol", "h1", "h2", "h3", "pre", "blockquote"])
}

/// Whether the table's first row is a header naming two columns or more:
/// all `<th>`, or a `<thead>` row of `<td>`s.
fn has_header_row(dom: &Dom, table: usize) -> bool {
    dom.find_all_in(table, "tr").next().is_some_and(|tr| {
        let in_thead = dom.nodes[tr].parent != NONE && dom.tag(dom.nodes[tr].parent) == "thead";
        row_cells(dom, tr).count() >= 2 && (in_thead || row_cells(dom, tr).all(|c| dom.tag(c) == "th"))
    })
}

/// A table with block content and more rows than this is data anyway.
const LAYOUT_TABLE_MAX_ROWS: usize = 40;

pub(super) fn nearest_table(dom: &Dom, i: usize) -> Option<usize> {
    dom.self_and_ancestors(i).find(|&at| dom.tag(at) == "table")
}
