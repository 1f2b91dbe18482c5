package graph

import (
	"strings"
	"sync"

	"github.com/vektah/gqlparser/v2/formatter"
)

// SDL is the whole schema as one document, for clients and their code generators: the schema
// is written in parts (schema.graphql, the root, and schema/*.graphql, one per aggregate),
// but the contract is one. It is printed from the schema the server executes, so it cannot
// drift from what the API answers.
var SDL = sync.OnceValue(func() string {
	var b strings.Builder
	formatter.NewFormatter(&b, formatter.WithIndent("  ")).FormatSchema(NewExecutableSchema(Config{}).Schema())
	return b.String()
})
