"""Every YAML data file names itself when it is missing or malformed."""

from __future__ import annotations

import pytest

from bot import details, signposting


@pytest.mark.parametrize(("load", "error"), [(details.load, details.DetailsError),
                                             (signposting.load, signposting.SignpostingError)])
@pytest.mark.parametrize("content", [None, "entries: [unclosed"])
def test_a_missing_or_malformed_file_is_named_in_the_error(tmp_path, load, error, content):
    path = tmp_path / "data.yml"
    if content is not None:
        path.write_text(content)
    with pytest.raises(error, match="data.yml: cannot read"):
        load(path)
