// A Prettier parser and printer that leave a file exactly as written. Email templates are
// whitespace-significant (the plain-text parts above all), and Prettier's Handlebars printer
// reflows them; .prettierrc.json applies this to templates/ so format checks still cover them.
module.exports = {
  parsers: {
    verbatim: {
      parse: (text) => ({ type: 'verbatim', text }),
      astFormat: 'verbatim',
      locStart: () => 0,
      locEnd: (node) => node.text.length,
    },
  },
  printers: { verbatim: { print: (path) => path.node.text } },
};
