from tqcheck.lang.base import Language, words

LANGUAGE = Language(
    code="de", name="German", families=frozenset({"germanic"}),
    capital_is_name=False,
    function_words=words(
        "der die das den dem des und in zu ist nicht von mit sich auf für ein eine als auch "
        "es an er sie wir wird wurde bei nach aus noch über"),
    scales=(("tausend", 1e3), ("millionen", 1e6), ("million", 1e6), ("milliarden", 1e9),
            ("milliarde", 1e9), ("mrd", 1e9), ("mio", 1e6)),
    text2num="de", num2words="de", apertium="deu", apertium2="de", hunspell="de_DE",
    wordfreq="de", simplemma="de",
)
