/// How forms ask each canonical field, in Kazakh, Russian and English: the
/// one place to read and extend them (a native speaker can review this file
/// without reading the code that applies it, `HeaderClues.swift`).
///
/// Per field and language:
/// - `headings`: whole column headings (compared after ``TextFolding/headerKey(_:)``,
///   so case, spacing, punctuation and `ё` never matter);
/// - `clues`: what decides the field inside a longer question sentence;
/// - `weak`: clues tried only when no field's `clues` fit.
///
/// A clue is one or more parts joined by ` + `, all of which must occur in
/// the header, in any order. A part is a word or a run of words; `подач*` is
/// any word starting with `подач`, `#` any number, `{trainer}` any entry of a
/// word set below; `row:` before a part finds it only in a grid row's label.
/// Sets marked context (`rate`, `degree`, `scale`, `training`) only say that a
/// question rates something: in a grid row they may come from the question,
/// but the row's own label must name what is rated.
///
/// Decisions where forms are ambiguous (tested in QuestionPhrasingsTests):
/// - a score question about one amenity (Wi-Fi, food, coffee breaks, parking,
///   lodging) or about the participant's own knowledge is no field: its
///   ratings say nothing about the organisation or the training overall, so
///   the column stays an extra;
/// - a place or a time on its own (`Место проведения`, `Өткізу орны`) may hold
///   a name or a date, not a rating: it is organisation only in a rating
///   question (`Удобство места проведения`) or as a grid row;
/// - `Ваша организация`, `Название организации` name the participant's
///   employer, not the training's organisation;
/// - a free-text question that names the trainer (`Комментарии о работе
///   тренера`, `Что понравилось в работе тренера?`) is a comment, not delivery;
/// - "what did you not like" has no field (liked is the opposite; improve is
///   a different question, often asked beside it): an extra;
/// - questions on expectations (`Оправдал ли тренинг ваши ожидания?`) have no field;
/// - relevance, also to one's work, is content (`актуально для вашей работы`);
///   usefulness for work and using what was learned is applicability;
/// - `Оцените X тренинга` is overall only when X is the training itself: a
///   form that asks about one aspect (`Оцените интерактивность тренинга`)
///   and then the whole keeps overall for the whole;
/// - a question that asks for a degree or a scale (`Насколько вам понравился
///   тренинг?`, `… (1–5)`) is a rating, never free text.
enum QuestionVocabulary {

    /// Fields in the order their clues are tried: free-text questions first (a
    /// comment that names the trainer is still a comment), then NPS, the
    /// trainer's delivery before the trainer's name, the specific measures
    /// before overall (`Насколько вы удовлетворены организацией?` is
    /// organisation), and who/where/when last.
    static let order: [CanonicalField] = [
        .improve, .liked, .comment, .nps, .timestamp, .delivery, .trainer, .content, .applicability,
        .organisation, .overall, .sessionID, .responseID, .city, .region, .sessionDate, .module,
        .participantGroup, .lang,
    ]

    // MARK: - Word sets

    static let sets: [WordSet] = [
        WordSet("rate", context: true,
                kk: ["бағала*", "баға", "бағасы", "бағаңыз", "ұпай*"],
                ru: ["оцен*", "балл*"],
                en: ["rate", "rated", "rating*", "score", "scores"]),
        WordSet("degree", context: true,
                kk: ["қаншалықты", "қай деңгейде", "қай дәрежеде"],
                ru: ["насколько", "в какой степени", "в какой мере"],
                en: ["to what extent", "how much", "how well", "how likely", "how satisfied", "how useful",
                     "how relevant", "how clear*", "how helpful", "how confident", "how important",
                     "how would you rate", "how do you rate"]),
        /// A rating scale starts at 0 or 1 (`0–10`, `от 1 до 5`, `0-ден 10-ға дейін`), which
        /// tells it from a date or a phone number in a header.
        WordSet("scale", context: true,
                kk: ["0 ден #", "1 ден #", "0 дан #", "1 дан #", "шкала*"],
                ru: ["0 #", "1 #", "0 до #", "1 до #", "шкал*"],
                en: ["0 to #", "1 to #", "scale"]),
        WordSet("training", context: true,
                kk: ["тренинг*", "сабақ*", "семинар*", "курс*", "бағдарлама*", "іс шара*"],
                ru: ["тренинг*", "курс*", "семинар*", "занят*", "сесси*", "мероприят*", "программ*", "обучени*"],
                en: ["training*", "course*", "seminar*", "workshop*", "session*", "event*", "program*"]),
        /// Who gives the training. In a grid row it is what is rated, so not context.
        WordSet("trainer", context: false,
                kk: ["тренер*", "жаттықтырушы*", "бапкер*", "оқытушы*", "жүргізуші*", "баяндамашы*", "спикер*",
                     "мұғалім*", "ұстаз*"],
                ru: ["тренер*", "преподавател*", "ведущ*", "спикер*", "лектор*", "фасилитатор*", "модератор*",
                     "презентатор*"],
                en: ["trainer*", "coach*", "facilitator*", "speaker*", "lecturer*", "instructor*", "teacher*",
                     "presenter*", "moderator*"]),
        /// What a question says about the trainer when it rates the delivery.
        WordSet("trainer quality", context: false,
                kk: ["жұмыс*", "кәсіби*", "біліктіл*", "шеберл*", "білімі", "білімділіг*", "түсінікт*", "түсіндір*",
                     "жеткіз*", "дағды*", "сапа*", "дайындығ*", "жауап*", "қанағат*", "бағала*", "баға"],
                ru: ["работ*", "подав*", "подач*", "объяснял*", "объяснени*", "излаг*", "излож*", "компетен*",
                     "профессионал*", "знани*", "знал", "знает", "понятн*", "ясн*", "доступн*", "навык*",
                     "манер*", "стил*", "умени*", "умел*", "ответ*", "отвеча*", "качеств*", "эффективн*", "вовлек*",
                     "взаимодейств*", "подготовк*", "подготовлен*", "мастерств*", "удовлетвор*", "доволь*",
                     "оцен*"],
                en: ["deliver*", "present*", "explain*", "explanation*", "compet*", "professional*", "knowledg*",
                     "knew", "clear*", "clarity", "skill*", "style*", "perform*", "effective*", "engag*",
                     "interact*", "ability", "abilities", "answer*", "quality", "prepared*", "approachab*",
                     "satisf*", "rate", "rating*"]),
        /// How a question asks for a name.
        WordSet("name", context: false,
                kk: ["аты", "аты жөні", "жөні", "кім", "қай"],
                ru: ["фио", "имя", "зовут", "кто", "какой", "какая"],
                en: ["name", "names", "full name", "who", "which"]),
        WordSet("recommend", context: false,
                kk: ["ұсына*", "ұсынар*", "ұсыну*", "ұсынба*"],
                ru: ["рекоменд*", "порекоменд*"],
                en: ["recommend*"]),
        /// Recommending as a verb (`рекомендации` are suggestions, not NPS).
        WordSet("recommend verb", context: false,
                kk: ["ұсына*", "ұсынар*", "ұсынба*"],
                ru: ["порекоменд*", "рекомендова*", "рекомендуе*"],
                en: ["recommend"]),
        /// Whom one recommends to, or how likely.
        WordSet("recommend to", context: false,
                kk: ["басқа*", "әріптес*", "дос*", "таныс*", "ықтимал*"],
                ru: ["вероятн*", "коллег*", "друз*", "друг*", "знаком*", "близк*"],
                en: ["likely", "likelihood", "colleague*", "friend*", "others", "other people", "someone",
                     "anyone", "peers"]),
        WordSet("useful", context: false,
                kk: ["пайдалы*"],
                ru: ["полезн*", "полезен", "польз*"],
                en: ["useful*", "helpful*"]),
        WordSet("work", context: false,
                kk: ["жұмыс*"],
                ru: ["работ*", "деятельност*"],
                en: ["work", "job", "jobs"]),
        /// What was learned, as something one applies.
        WordSet("learned", context: false,
                kk: ["білім*", "дағды*"],
                ru: ["знани*", "навык*", "полученн*"],
                en: ["learn*", "knowledge", "skill*"]),
        /// A question that judges something (needed before a place or a time counts as organisation).
        WordSet("judge", context: true,
                kk: ["{rate}", "{degree}", "ыңғайлы*", "сапа*", "қанағат*"],
                ru: ["{rate}", "{degree}", "удобн*", "удобств*", "комфорт*", "качеств*", "удовлетвор*", "доволь*",
                     "устро*", "подходящ*", "оптимальн*", "достаточн*"],
                en: ["{rate}", "{degree}", "comfort*", "convenien*", "quality", "satisf*", "suitable",
                     "appropriate"]),
        WordSet("venue or timing", context: false,
                kk: ["орны", "орын", "орнының", "үй жай*", "ғимарат*", "уақыт*", "ұзақтығ*", "кесте*"],
                ru: ["место", "места", "месту", "местом", "помещени*", "площадк*", "зал", "зала", "залом",
                     "время", "времени", "временем", "продолжительн*", "длительн*", "тайминг*", "расписани*"],
                en: ["venue*", "room", "facilit*", "time", "timing", "duration", "length", "schedule*"]),
        /// A question like this is free text only when it does not ask for a degree or a scale.
        WordSet("asks for a score", context: true,
                kk: ["{degree}", "{scale}", "ұпай*"],
                ru: ["{degree}", "{scale}", "балл*"],
                en: ["{degree}", "{scale}", "points"]),
        /// Score questions about these are no field (see the decisions above).
        WordSet("off topic", context: false,
                kk: ["тамақ*", "қонақ үй*", "интернет*", "көлік*", "өз білім*", "өз деңгей*", "wi fi", "wifi"],
                ru: ["питани*", "кофе*", "обед*", "перекус*", "буфет*", "кейтеринг*", "интернет*", "парковк*",
                     "трансфер*", "проживани*", "гостиниц*", "свои знани*", "своих знани*", "ваши знани*",
                     "ваших знани*", "свой уровень", "ваш уровень", "до тренинга", "wi fi", "wifi"],
                en: ["coffee*", "lunch*", "food", "meal*", "snack*", "catering", "parking", "internet",
                     "accommodation*", "hotel*", "your knowledge", "your own knowledge", "your level", "before the training",
                     "wi fi", "wifi"]),
        /// Words a generic grid row may hold besides trainer or training words:
        /// `[Тренинг в целом]`, `[Оценка]` leave the question to decide.
        WordSet("generic row", context: true,
                kk: ["{training}", "{rate}", "жалпы"],
                ru: ["{training}", "{rate}", "в целом", "общая", "общее"],
                en: ["{training}", "{rate}", "overall", "the", "this", "of"]),
        WordSet("response", context: false,
                kk: ["жауап*", "сауалнама*"], ru: ["ответ*", "анкет*"], en: ["response*", "respondent*"]),
        WordSet("session", context: false,
                kk: ["сесси*", "тренинг*", "семинар*"], ru: ["сесси*", "тренинг*", "семинар*"],
                en: ["session*", "training*", "seminar*"]),
        /// A bracket like this is a remark on the question, not a grid row.
        WordSet("remark", context: false,
                kk: ["міндетті емес", "бар болса", "{scale}"],
                ru: ["необязат*", "по желанию", "если есть", "{scale}"],
                en: ["optional", "if any", "{scale}"]),
    ]

    // MARK: - Measures

    static let overall = FieldWords(.overall,
        kk: Phrasings(
            headings: ["Жалпы баға", "Баға", "Бағалау", "Тренингке баға", "Жалпы бағалау", "Жалпы әсер",
                       "Жалпы қанағаттану", "Тренингті бағалау",
                       "Жалпы алғанда тренингке қаншалықты риза болдыңыз?"],
            clues: ["жалпы", "қанағат*", "риза*", "тренингті бағала*", "тренингке баға*", "семинарды бағала*",
                    "курсты бағала*", "сабақты бағала*", "қаншалықты + ұнад*", "қаншалықты + ұнаған*",
                    "{rate} + row:{training}"]),
        ru: Phrasings(
            headings: ["Общая оценка", "Оценка", "Оценка тренинга", "Общее впечатление", "Итоговая оценка",
                       "Общая удовлетворенность", "Удовлетворенность", "Насколько вы удовлетворены тренингом в целом?"],
            clues: ["в целом", "общ* оценк*", "общ* впечатлени*", "общ* удовлетвор*", "итогов* оценк*",
                    "удовлетвор*", "доволь*", "оцени* тренинг*", "оцени* этот тренинг*", "оцени* данный тренинг*",
                    "оцени* семинар*", "оцени* курс*", "оцени* мероприяти*", "оцени* занят*", "оценк* тренинг*",
                    "{rate} + впечатлени*", "насколько + понрав*", "{rate} + row:{training}"]),
        en: Phrasings(
            headings: ["Overall rating", "Overall", "Overall satisfaction", "Rating", "Satisfaction",
                       "Overall impression", "Training rating",
                       "Overall, how satisfied were you with the training?",
                       "How satisfied are you with the training overall?"],
            clues: ["overall", "satisf*", "rate the training", "rate this training", "rate the course",
                    "rate this course", "rate the workshop", "rate this workshop", "rate the session",
                    "rate this session", "rate the seminar", "rate the event", "rate this event", "how much + like*",
                    "{rate} + row:{training}"]))

    /// The trainer's delivery: competence, skill, presentation, manner of delivery.
    static let delivery = FieldWords(.delivery,
        kk: Phrasings(
            headings: ["Тренердің жұмысы", "Тренердің біліктілігі", "Тренердің шеберлігі", "Тренердің кәсібилігі",
                       "Материалды түсіндіру", "Материалды жеткізу", "Баяндау шеберлігі", "Оқыту сапасы"],
            clues: ["{trainer} + {trainer quality}", "материалды түсіндір*", "материалды жеткіз*",
                    "материалды баяндау*", "баяндау*", "түсіндіру", "түсіндіруі", "тақырыпты түсіндір*",
                    "оқыту сапа*", "оқыту әдіс*"]),
        ru: Phrasings(
            headings: ["Оцените работу тренера", "Работа тренера", "Подача материала", "Подача материала тренером",
                       "Компетентность тренера", "Оценка тренера", "Профессионализм тренера",
                       "Манера подачи материала", "Качество преподавания"],
            clues: ["{trainer} + {trainer quality}", "подач* материал*", "подач* информац*", "излож* материал*",
                    "манер* подач*", "манер* излож*", "манер* преподава*", "манер* ведени*", "стил* ведени*", "доступност* излож*",
                    "понятност* излож*", "ясност* излож*", "качеств* преподава*", "методик* преподава*",
                    "объяснени*"]),
        en: Phrasings(
            headings: ["Trainer delivery", "Trainer competence", "Delivery", "Trainer performance",
                       "Presentation skills", "Quality of teaching"],
            clues: ["{trainer} + {trainer quality}", "delivery", "presentation skill*", "presentation style",
                    "quality of presentation*", "quality of teaching", "teaching quality", "teaching style",
                    "manner of delivery", "explanations"]),
        unless: ["delivery method*", "delivery format*"])

    /// Content: relevance and usefulness of the material.
    static let content = FieldWords(.content,
        kk: Phrasings(
            headings: ["Мазмұнның өзектілігі", "Мазмұны", "Өзектілігі", "Тренинг мазмұны", "Тақырыптың өзектілігі",
                       "Ақпараттың пайдалылығы", "Материалдың пайдалылығы"],
            clues: ["мазмұн*", "өзекті*", "материалдың сапа*", "ақпараттың сапа*"],
            weak: ["пайдалы*"]),
        ru: Phrasings(
            headings: ["Актуальность содержания", "Актуальность", "Содержание", "Содержание тренинга",
                       "Актуальность темы", "Полезность информации", "Полезность материала", "Информативность",
                       "Качество материала"],
            clues: ["содержан*", "актуальн*", "информативн*", "качеств* материал*", "новизн*"],
            weak: ["полезн*", "полезен", "ценност* информац*", "ценност* материал*"]),
        en: Phrasings(
            headings: ["Relevance of content", "Content", "Content relevance", "Relevance", "Usefulness of the content",
                       "Content quality", "Quality of content", "Training content"],
            clues: ["content*", "relevan*", "quality of the material*", "quality of material*"],
            weak: ["useful*", "usefulness", "helpful*"]))

    /// Applicability: will the participant apply it; usefulness for work.
    static let applicability = FieldWords(.applicability,
        kk: Phrasings(
            headings: ["Қолданбалылығы", "Қолданылуы", "Практикалық маңызы", "Тәжірибеде қолдану"],
            clues: ["қолдана*", "қолдану*", "қолданбал*", "{useful} + {work}", "пайдалана* + {learned}",
                    "пайдалану* + {learned}", "тәжірибеде", "іс жүзінде", "практикалық маңыз*",
                    "практикалық пайда*"]),
        ru: Phrasings(
            headings: ["Применимость в работе", "Применимость", "Практическая применимость",
                       "Практическая значимость", "Практическая ценность", "Польза для работы"],
            clues: ["примен*", "{useful} + {work}", "использова* + {learned}", "на практике",
                    "практическ* значим*", "практическ* ценност*", "практическ* польз*"]),
        en: Phrasings(
            headings: ["Applicability", "Will you apply what you learned?", "Practical value",
                       "Practical applicability", "Practical relevance", "Usefulness for work"],
            clues: ["apply", "applied", "applying", "applicab*", "{useful} + {work}", "use + {learned}",
                    "in practice", "practical value", "practical use*", "practical relevance",
                    "practical benefit*"]))

    /// Organisation: logistics, venue, timing.
    static let organisation = FieldWords(.organisation,
        kk: Phrasings(
            headings: ["Ұйымдастыру", "Ұйымдастырылуы", "Тренингті ұйымдастыру"],
            clues: ["ұйымдаст*", "{judge} + {venue or timing}"]),
        ru: Phrasings(
            headings: ["Организация", "Организация тренинга", "Организация мероприятия", "Логистика"],
            clues: ["организац*", "организованн*", "логистик*", "{judge} + {venue or timing}"]),
        en: Phrasings(
            headings: ["Organisation", "Organization", "Venue and logistics", "Logistics", "Venue",
                       "Organisation of the training", "Training organisation"],
            clues: ["organis*", "organiz*", "logistic*", "{judge} + {venue or timing}"]),
        unless: ["{name}", "названи*", "атау*", "ваш* организац*", "место работы", "your organi*",
                 "жұмыс орн*", "ұйымыңыз*"])

    /// Net Promoter Score: recommending the training, with or without its 0–10.
    static let nps = FieldWords(.nps,
        kk: Phrasings(
            headings: ["Басқаларға ұсынасыз ба? (0-10)", "Ұсынасыз ба?", "Ұсыну ықтималдығы"],
            clues: ["{recommend} + {scale}", "{recommend} + {recommend to}", "{recommend verb} + {training}"],
            weak: ["{recommend verb}"]),
        ru: Phrasings(
            headings: ["Порекомендуете ли вы тренинг коллегам? (0-10)", "Рекомендация", "Порекомендуете ли?",
                       "Готовность рекомендовать", "Индекс NPS"],
            clues: ["{recommend} + {scale}", "{recommend} + {recommend to}", "{recommend verb} + {training}"],
            weak: ["{recommend verb}"]),
        en: Phrasings(
            headings: ["How likely are you to recommend this training?", "NPS", "Recommendation",
                       "Would recommend", "Likelihood to recommend", "NPS score", "Net Promoter Score"],
            clues: ["nps", "net promoter*", "{recommend} + {scale}", "{recommend} + {recommend to}",
                    "{recommend verb} + {training}"],
            weak: ["{recommend verb}"]))

    // MARK: - Free text

    static let liked = FieldWords(.liked,
        kk: Phrasings(
            headings: ["Ұнағаны", "Не ұнады?", "Сізге не ұнады?", "Ең ұнаған сәт"],
            clues: ["ұнаға*", "ұнады", "ең пайдалы*", "ең құнды*"]),
        ru: Phrasings(
            headings: ["Что понравилось?", "Понравилось", "Что вам понравилось?", "Что понравилось больше всего?"],
            clues: ["понрав*", "наиболее полезн*", "самым полезн*", "самое полезное", "самое ценное",
                    "самым ценн*", "наиболее ценн*"]),
        en: Phrasings(
            headings: ["What did you like?", "Liked", "What did you like most?", "Likes"],
            clues: ["like", "liked", "likes", "enjoy", "enjoyed", "best part", "most valuable", "most useful",
                    "most helpful"]),
        unless: ["не понрав*", "не нрав*", "ұнама*", "меньше всего", "наименее", "didnt", "did not", "dislik*",
                 "not like", "least", "would like", "like to", "{asks for a score}"])

    static let improve = FieldWords(.improve,
        kk: Phrasings(
            headings: ["Жақсартуға ұсыныстар", "Ұсыныстар", "Не жақсарту керек?"],
            clues: ["жақсарт*", "нені өзгерт*", "өзгерту керек", "өзгертер едіңіз"],
            weak: ["ұсыныс*", "тілек*"]),
        ru: Phrasings(
            headings: ["Что улучшить?", "Улучшить", "Что можно улучшить?", "Предложения", "Предложения по улучшению"],
            clues: ["улучш*", "что бы вы изменили", "изменить", "изменили", "сделать лучше"],
            weak: ["предложени*", "пожелани*"]),
        en: Phrasings(
            headings: ["Suggestions for improvement", "Improve", "To improve", "Suggestions", "What could be improved?",
                       "Improvements"],
            clues: ["improv*", "would you change", "could change", "could be better", "do better"],
            weak: ["suggest*", "wish*"]),
        unless: ["{asks for a score}"])

    static let comment = FieldWords(.comment,
        kk: Phrasings(
            headings: ["Пікір", "Пікірлер", "Ескертпе", "Қосымша пікір", "Пікіріңіз"],
            clues: ["пікір*", "ескерт*", "кері байланыс*", "тағы не", "қосқыңыз*", "себеб*", "ойыңыз", "ойларыңыз"],
            weak: ["неліктен", "әсер*"]),
        ru: Phrasings(
            headings: ["Комментарий", "Отзыв", "Комментарии", "Другие комментарии", "Дополнительные комментарии",
                       "Отзывы"],
            clues: ["коммент*", "отзыв*", "замечан*", "мнени*", "поясн*", "что еще", "что нибудь еще",
                    "хотели бы добавить"],
            weak: ["почему", "впечатлени*"]),
        en: Phrasings(
            headings: ["Comment", "Comments", "Additional comments", "Any other comments?", "Feedback"],
            clues: ["comment*", "feedback", "remark*", "opinion*", "anything else", "to add", "reason*"],
            weak: ["why", "impression*"]),
        unless: ["{asks for a score}"])

    // MARK: - Who, where, when

    static let timestamp = FieldWords(.timestamp,
        kk: Phrasings(headings: ["Уақыт белгісі", "Жіберілген уақыты", "Уақыты"], clues: ["уақыт белгісі"]),
        ru: Phrasings(headings: ["Отметка времени", "Время отправки", "Дата и время отправки"],
                      clues: ["отметка времени"]),
        en: Phrasings(headings: ["Timestamp", "Submitted at", "Submission time"], clues: ["timestamp"]))

    static let trainer = FieldWords(.trainer,
        kk: Phrasings(
            headings: ["Тренер", "Тренердің аты-жөні", "Тренердің аты", "Тренер аты-жөні", "Жаттықтырушы",
                       "Жаттықтырушының аты-жөні"],
            clues: ["{trainer} + {name}", "кім жүргізді", "кім өткізді"]),
        ru: Phrasings(
            headings: ["ФИО тренера", "Тренер (ФИО)", "Имя тренера", "Фасилитатор", "ФИО ведущего", "Преподаватель"],
            clues: ["{trainer} + {name}", "кто провод*", "кто вел*"]),
        en: Phrasings(
            headings: ["Trainer", "Trainer name", "Trainer's name", "Coach", "Facilitator", "Trainer full name",
                       "Instructor", "Instructor name"],
            clues: ["{trainer} + {name}", "who deliver*", "who led", "who ran"]))

    static let city = FieldWords(.city,
        kk: Phrasings(headings: ["Қала", "Елді мекен", "Қалаңыз", "Тренинг қай қалада өтті?"],
                      clues: ["қала", "қаласы", "қалада", "қалаңыз", "қаладан", "елді мекен"]),
        ru: Phrasings(headings: ["Город", "Населённый пункт", "В каком городе проходил тренинг?", "Ваш город"],
                      clues: ["город*", "населен*"]),
        en: Phrasings(headings: ["City", "Your city", "Town", "Which city was the training in?"],
                      clues: ["city*", "town*"]))

    static let region = FieldWords(.region,
        kk: Phrasings(headings: ["Облыс", "Өңір", "Облыс / өңір"], clues: ["облыс*", "өңір*"]),
        ru: Phrasings(headings: ["Область", "Регион"], clues: ["област*", "регион*"]),
        en: Phrasings(headings: ["Region", "Oblast", "Province"], clues: ["region*", "oblast*"]))

    static let sessionDate = FieldWords(.sessionDate,
        kk: Phrasings(headings: ["Күні", "Өткізілген күні", "Тренинг күні", "Өткізу күні"], clues: ["күні", "күн"]),
        ru: Phrasings(headings: ["Дата", "Дата проведения", "Дата тренинга", "Дата проведения тренинга"],
                      clues: ["дата*"]),
        en: Phrasings(headings: ["Date", "Training date", "Session date"], clues: ["date*"]),
        unless: ["рожден*", "birth*", "туған*"])

    static let sessionID = FieldWords(.sessionID,
        kk: Phrasings(headings: ["Тренинг коды", "Сессия коды"], clues: ["коды + {session}"]),
        ru: Phrasings(headings: ["ID сессии", "Код сессии", "Сессия", "Код тренинга", "ID тренинга"],
                      clues: ["код + {session}", "номер + {session}", "id + {session}"]),
        en: Phrasings(headings: ["Session ID", "Session", "Session code", "Training ID"],
                      clues: ["id + {session}", "code + {session}", "number + {session}"]))

    static let responseID = FieldWords(.responseID,
        kk: Phrasings(headings: ["Жауап ID", "Жауап нөмірі", "Сауалнама нөмірі"], clues: ["нөмірі + {response}"]),
        ru: Phrasings(headings: ["ID ответа", "Номер ответа", "№ анкеты", "Номер анкеты"],
                      clues: ["номер + {response}", "id + {response}"]),
        en: Phrasings(headings: ["Response ID", "Respondent ID", "Response number"],
                      clues: ["id + {response}", "number + {response}"]))

    static let module = FieldWords(.module,
        kk: Phrasings(headings: ["Тақырып", "Тренинг тақырыбы", "Модуль"], clues: ["тақырып*", "модул*", "курс*"]),
        ru: Phrasings(headings: ["Модуль", "Тема", "Тема тренинга", "Модуль тренинга", "Курс"],
                      clues: ["модул*", "тема*", "курс*"]),
        en: Phrasings(headings: ["Module", "Topic", "Training topic", "Course"], clues: ["module*", "topic*", "course*"]))

    static let participantGroup = FieldWords(.participantGroup,
        kk: Phrasings(headings: ["Қатысушы санаты", "Санаты", "Сіз кімсіз?", "Қатысушы мәртебесі"],
                      clues: ["санат*", "статус*"]),
        ru: Phrasings(headings: ["Категория участника", "Категория", "Вы", "Кто вы?", "Группа участников",
                                 "Статус участника", "Категория участников"],
                      clues: ["категор*", "статус*"]),
        en: Phrasings(headings: ["Participant group", "Participant category", "Category", "You are", "I am",
                                 "Participant type"],
                      clues: ["category*", "participant*"]))

    static let lang = FieldWords(.lang,
        kk: Phrasings(headings: ["Тіл", "Сауалнама тілі", "Жауап тілі"], clues: ["тіл", "тілі"]),
        ru: Phrasings(headings: ["Язык", "Язык анкеты", "Язык ответа"], clues: ["язык*"]),
        en: Phrasings(headings: ["Language", "Lang", "Survey language"], clues: ["language*", "lang"]))

    static let fields: [FieldWords] = [
        overall, delivery, content, applicability, organisation, nps, liked, improve, comment, timestamp, trainer,
        city, region, sessionDate, sessionID, responseID, module, participantGroup, lang,
    ]
}

/// Headings and clues of one field in one language.
struct Phrasings: Sendable {
    let headings: [String]
    let clues: [String]
    let weak: [String]

    init(headings: [String], clues: [String], weak: [String] = []) {
        self.headings = headings
        self.clues = clues
        self.weak = weak
    }
}

/// Everything that decides one field, per language, and what rules it out.
struct FieldWords: Sendable {
    let field: CanonicalField
    let kk: Phrasings
    let ru: Phrasings
    let en: Phrasings
    /// Words that rule the field out wherever they occur in the question.
    let unless: [String]

    init(_ field: CanonicalField, kk: Phrasings, ru: Phrasings, en: Phrasings, unless: [String] = []) {
        self.field = field
        self.kk = kk
        self.ru = ru
        self.en = en
        self.unless = unless
    }

    var languages: [Phrasings] { [kk, ru, en] }
}

/// A named list of words, per language, that clues refer to as `{name}`.
struct WordSet: Sendable {
    let name: String
    /// Context only: says that a question rates something, not what.
    let isContext: Bool
    let entries: [String]

    init(_ name: String, context: Bool, kk: [String], ru: [String], en: [String]) {
        self.name = name
        self.isContext = context
        self.entries = kk + ru + en
    }
}
